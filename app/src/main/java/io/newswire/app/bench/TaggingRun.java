package io.newswire.app.bench;

import io.newswire.common.Article;
import io.newswire.streams.tagging.Tagger;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tagging phase: the pipeline's tagger alone, on this one thread, over the same generated articles as
 * the pipeline run (same seed), without Kafka. Only the {@link Tagger#tag} calls are timed, in this
 * thread's CPU time, so the figure is one core's cost however busy the machine is.
 */
final class TaggingRun {

    /** Articles are generated this many at a time, then tagged under one reading of the CPU clock. */
    private static final int BATCH = 500;

    /** @param bytes UTF-8 bytes of title and body tagged */
    record Result(long articles, long bytes, long cpuNanos) {
        double cpuMicrosPerArticle() {
            return cpuNanos / 1e3 / articles;
        }

        /** MB of article text per second of one core. */
        double megabytesPerSecPerCore() {
            return bytes / (cpuNanos / 1e9) / 1_000_000.0;
        }
    }

    private TaggingRun() {
    }

    /**
     * Tags {@code warmup} articles of {@code warmupGenerator} untimed (the JIT), then {@code articles} of
     * {@code generator}, timed.
     */
    static Result run(Tagger tagger, ArticleGenerator warmupGenerator, long warmup, ArticleGenerator generator,
                      long articles, PrintStream out) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        long[] done = {0};
        long bytes = 0;
        long cpu = 0;
        long sink = 0;
        try (ProgressLine progress = new ProgressLine(out, () -> String.format("tagging: %,d/%,d articles",
                done[0], articles))) {
            for (long i = 0; i < warmup; i++) {
                sink += tagger.tag(warmupGenerator.next()).topics().size();
            }
            List<Article> batch = new ArrayList<>(BATCH);
            while (done[0] < articles) {
                batch.clear();
                for (int i = 0; i < BATCH && done[0] + i < articles; i++) {
                    Article article = generator.next();
                    batch.add(article);
                    bytes += utf8Length(article.title()) + 2 + utf8Length(article.body());
                }
                long start = threads.getCurrentThreadCpuTime();
                for (Article article : batch) {
                    sink += tagger.tag(article).topics().size();
                }
                cpu += threads.getCurrentThreadCpuTime() - start;
                done[0] += batch.size();
            }
        }
        if (sink < 0) {
            throw new AssertionError("unreachable: keeps the tags alive for the JIT");
        }
        return new Result(articles, bytes, cpu);
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
