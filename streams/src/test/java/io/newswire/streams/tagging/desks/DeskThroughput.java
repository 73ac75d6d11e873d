package io.newswire.streams.tagging.desks;

import io.newswire.streams.training.desks.DeskTrainer;
import io.newswire.streams.training.desks.DeskTrainingSettings;
import io.newswire.streams.training.desks.LabelledArticle;
import io.newswire.streams.training.desks.LabelledArticles;
import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A timed harness, not a test: tagging throughput on the BBC corpus in MB of article text per second of
 * one core's CPU time (thread CPU time, so other processes on a shared machine do not skew it), for the
 * taxonomy tagger alone, the same with the desk model, and the desk model alone; plus the model's load time.
 *
 * <p>Run (after {@code mvn -q -pl streams -am install -DskipTests}): {@code mvn -q -pl streams test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.newswire.streams.tagging.desks.DeskThroughput [-Dexec.args="CORPUS [MODEL]"]}
 * (without MODEL it trains one with the default settings)
 */
public final class DeskThroughput {

    private static final long ROUND_NANOS = 4_000_000_000L;
    private static long blackhole;

    private DeskThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpora/bbc-news.jsonl");
        List<LabelledArticle> labelled = LabelledArticles.read(corpus);
        Path file;
        if (args.length > 1) {
            file = Path.of(args[1]);
        } else {
            DeskModel trained;
            try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
                trained = trainer.train(labelled);
            }
            file = Files.createTempFile("desks", ".bin");
            file.toFile().deleteOnExit();
            DeskModelFile.write(trained, file);
        }
        long loadStart = System.nanoTime();
        DeskModel model = DeskModelFile.read(file);
        double firstLoad = (System.nanoTime() - loadStart) / 1e9;
        loadStart = System.nanoTime();
        model = DeskModelFile.read(file);
        System.out.printf(Locale.ROOT, "model: %s, %,d bytes, loaded in %.3f s (first load, with class loading), "
                + "%.3f s (again)%n", model.info().version(), Files.size(file), firstLoad, (System.nanoTime() - loadStart) / 1e9);

        List<Article> articles = new ArrayList<>();
        long bytes = 0;
        for (LabelledArticle a : labelled) {
            articles.add(Article.create("seed", null, a.title(), a.body(), null, Instant.EPOCH, "en"));
            bytes += (a.title() + "\n" + a.body()).getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf(Locale.ROOT, "corpus: %d articles, %.1f MB%n", articles.size(), bytes / 1e6);
        Tagger taxonomy = LuceneTagger.withDefaults();
        Tagger withDesks = new DeskTagger(taxonomy, model);
        Tagger desksOnly = new DeskTagger(article -> Tags.topicsOnly(List.of()), model);
        DeskAnalyzer analyzer = new DeskAnalyzer();
        Tagger analysisOnly = article -> {
            blackhole += analyzer.terms(article.title(), article.body()).size();
            return Tags.topicsOnly(List.of());
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            // Round 1 warms the JIT up; rounds 2 and 3 are the figures to quote.
            for (Object[] run : new Object[][] {{"taxonomy only", taxonomy}, {"taxonomy + desks", withDesks},
                {"desks only", desksOnly}, {"(desk analysis only)", analysisOnly}}) {
                Tagger tagger = (Tagger) run[1];
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                long tagged = 0;
                while (System.nanoTime() - wallStart < ROUND_NANOS) {
                    for (Article article : articles) {
                        blackhole += tagger.tag(article).topics().size();
                    }
                    tagged += bytes;
                }
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                System.out.printf(Locale.ROOT, "round %d  %-21s %7.1f MB/s per core (CPU time)%n", round, run[0],
                        tagged / 1e6 / cpuSeconds);
            }
        }
        System.out.println(blackhole == 42 ? "" : "done");
    }
}
