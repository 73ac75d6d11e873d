package io.newswire.app.bench;

import io.newswire.app.Pipeline;
import io.newswire.producer.ArticlePublisher;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * The throughput phase: N generated articles through the whole pipeline — {@link ArticlePublisher} →
 * {@code news.articles.raw} → Streams (exactly-once) → {@code news.articles.tagged} and
 * {@code news.topic-daily} → sink consumer → SQLite — timed from the first send to the last sink commit
 * before the pipeline is drained (every stage has committed everything).
 */
final class PipelineRun {

    /** A sink that has not moved for this long may be drained short of its target (dead-lettered articles). */
    private static final long STALL_NANOS = 1_000_000_000L;

    /** @param seconds first send to the last sink commit */
    /** @param compilerNanos of {@code cpuNanos}, the JIT compiler's; negative where unknown */
    record Result(long articles, double seconds, long exactResends, long nearDuplicates, long cpuNanos,
                  long compilerNanos) {
        double cpuMicrosPerArticle() {
            return cpuNanos / 1e3 / articles;
        }

        /** Of {@link #cpuMicrosPerArticle}, the JIT compiler's µs per article; -1 where unknown. */
        double compilerMicrosPerArticle() {
            return compilerNanos < 0 ? -1 : compilerNanos / 1e3 / articles;
        }

        double articlesPerSec() {
            return articles / seconds;
        }
    }

    private PipelineRun() {
    }

    static Result run(String label, ArticlePublisher publisher, ArticleGenerator generator, long articles,
                      Pipeline pipeline, Admin admin, SinkCommits commits, PrintStream out, Duration drainTimeout)
            throws InterruptedException {
        long committedBefore = commits.articles();
        long start;
        long cpuStart;
        long compilerStart;
        long[] sent = {0};
        try (ProgressLine progress = new ProgressLine(out, () -> String.format(
                "%s: sent %,d/%,d, in the sink %,d articles", label, sent[0], articles,
                commits.articles() - committedBefore))) {
            start = System.nanoTime();
            cpuStart = CpuClock.processCpuNanos();
            compilerStart = CpuClock.compilerCpuNanos();
            for (long i = 0; i < articles; i++) {
                publisher.publish(generator.next());
                sent[0] = i + 1;
                if (publisher.failed() > 0) {
                    throw new IllegalStateException("Kafka refused bench articles (" + publisher.failed() + " failed)");
                }
            }
            publisher.flush();
            if (publisher.failed() > 0) {
                throw new IllegalStateException("Kafka refused bench articles (" + publisher.failed() + " failed)");
            }
            // Every distinct id reaches the sink at least once: until that many have, the pipeline cannot be
            // drained, and asking the broker (several admin requests and sink queries a time) costs CPU that
            // would be counted per article.
            long distinct = committedBefore + articles - generator.exactResends();
            awaitDrained(pipeline, admin, commits, distinct, drainTimeout);
        }
        long cpu = CpuClock.processCpuNanos() - cpuStart;
        long compilerEnd = CpuClock.compilerCpuNanos();
        long compiler = compilerStart < 0 || compilerEnd < compilerStart ? -1 : compilerEnd - compilerStart;
        return new Result(articles, (commits.lastCommitNanos() - start) / 1e9,
                generator.exactResends(), generator.nearDuplicates(), cpu, compiler);
    }

    /**
     * Polls until every stage has committed everything, or fails with the reason. Gives up only when the sink
     * has not moved for {@code timeout}: on a busy shared machine a slow drain is a figure, a stuck one a failure.
     * The drain is asked of the broker only once the sink holds {@code sinkTarget} articles, or when it has not
     * moved for a second (articles dead-lettered on the way never reach it).
     */
    static void awaitDrained(Pipeline pipeline, Admin admin, SinkCommits commits, long sinkTarget, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = commits.articles();
        long movedAt = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (pipeline.failure() != null) {
                throw new IllegalStateException(pipeline.failure());
            }
            boolean worthAsking = seen >= sinkTarget || System.nanoTime() - movedAt > STALL_NANOS;
            if (worthAsking && pipeline.drained(admin)) {
                return;
            }
            Thread.sleep(100);
            long now = commits.articles();
            if (now != seen) {
                seen = now;
                movedAt = System.nanoTime();
                deadline = movedAt + timeout.toNanos();
            }
        }
        throw new IllegalStateException("the pipeline did not drain: no article reached the sink for "
                + timeout.toSeconds() + " s");
    }
}
