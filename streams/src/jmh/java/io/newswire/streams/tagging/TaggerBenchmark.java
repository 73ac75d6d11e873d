package io.newswire.streams.tagging;

import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.streams.tagging.desks.DeskModel;
import io.newswire.streams.tagging.desks.DeskModelFile;
import io.newswire.streams.tagging.desks.DeskTagger;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.eval.Evaluation;
import io.newswire.streams.tagging.eval.GoldArticle;
import io.newswire.streams.tagging.taxonomy.Taxonomy;
import io.newswire.streams.training.desks.DeskTrainer;
import io.newswire.streams.training.desks.DeskTrainingSettings;
import io.newswire.streams.training.desks.LabelledArticles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the whole tagger on one thread — {@link LuceneTagger} (taxonomy, entities, keyphrases,
 * quantities) with the learned desks ({@link DeskTagger}) — over the seed corpus (the five seeds exactly as
 * {@code SeedParser} produces them, taken from {@code eval/gold.jsonl}); {@link #main} prints MB/s per core.
 * The desk model is trained at set-up on the BBC corpus of {@code ../shared/corpora} (never copied into the
 * project), or read from {@code -Dnewswire.deskModel=FILE}; without either the desks are left out, and said so.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TaggerBenchmark {

    /** Read or trained once per JVM: both taggers of {@link #main} use the same one. */
    private static DeskModel desks;
    private static boolean desksRead;

    private Tagger tagger;
    private List<Article> seeds;

    @Setup
    public void setUp() throws Exception {
        tagger = fullTagger();
        seeds = seedArticles();
    }

    /** The tagger as the pipeline runs it with a desk model, or without desks when there is none to use. */
    static Tagger fullTagger() throws Exception {
        return withDesks(LuceneTagger.withDefaults());
    }

    /**
     * The same without the name model ({@code --no-names}: only the gazetteer's entities): what the rest of the
     * tagger costs, so that the name finder's share of the figure is measured, not guessed.
     */
    static Tagger taggerWithoutNames() throws Exception {
        return withDesks(new LuceneTagger(Taxonomy.defaultTaxonomy(), Gazetteer.defaultGazetteer(), null));
    }

    private static Tagger withDesks(LuceneTagger lucene) throws Exception {
        if (!desksRead) {
            desks = deskModel();
            desksRead = true;
        }
        return desks == null ? lucene : new DeskTagger(lucene, desks);
    }

    private static DeskModel deskModel() throws Exception {
        String file = System.getProperty("newswire.deskModel");
        if (file != null) {
            return DeskModelFile.read(Path.of(file));
        }
        for (String candidate : List.of("../../shared/corpora/bbc-news.jsonl", "../shared/corpora/bbc-news.jsonl")) {
            if (Files.isReadable(Path.of(candidate))) {
                try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
                    return trainer.train(LabelledArticles.read(Path.of(candidate)));
                }
            }
        }
        System.err.println("no desk model: -Dnewswire.deskModel=FILE or ../shared/corpora/bbc-news.jsonl; tagging without desks");
        return null;
    }

    /** One operation tags the whole seed corpus once. */
    @Benchmark
    public void tagSeedCorpus(Blackhole blackhole) {
        for (Article article : seeds) {
            Tags tags = tagger.tag(article);
            blackhole.consume(tags);
        }
    }

    static List<Article> seedArticles() throws Exception {
        return Evaluation.readGold(Path.of("../eval/gold.jsonl")).stream()
                .filter(a -> a.id().startsWith("seed-")).map(GoldArticle::article).toList();
    }

    static long bytes(List<Article> articles) {
        return articles.stream().mapToLong(a -> (a.title() + "\n\n" + a.body()).getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }

    public static void main(String[] args) throws Exception {
        long bytes = bytes(seedArticles());
        for (RunResult result : new Runner(new OptionsBuilder().include(TaggerBenchmark.class.getSimpleName()).build())
                .run()) {
            double opsPerSecond = result.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "tagger (JMH, wall clock): %.0f seed corpora/s × %d bytes = %.1f MB/s%n",
                    opsPerSecond, bytes, opsPerSecond * bytes / 1e6);
        }
        System.out.printf(Locale.ROOT, "tagger (thread CPU time): %.1f MB/s per core%n",
                cpuTimeMegabytesPerSecond(fullTagger()));
        System.out.printf(Locale.ROOT, "tagger without the name model (--no-names, thread CPU time): %.1f MB/s per core%n",
                cpuTimeMegabytesPerSecond(taggerWithoutNames()));
    }

    /**
     * MB/s per second of this thread's CPU time: on a shared machine (more runnable threads than cores) the
     * wall-clock figure measures the neighbours, this one the tagger. Warms up first, then tags for 5 CPU-seconds.
     */
    static double cpuTimeMegabytesPerSecond(Tagger tagger) throws Exception {
        List<Article> seeds = seedArticles();
        long bytes = bytes(seeds);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double result = 0;
        for (int round = 0; round < 2; round++) {
            long start = threads.getCurrentThreadCpuTime();
            long corpora = 0;
            while (threads.getCurrentThreadCpuTime() - start < 5_000_000_000L) {
                // Reading the CPU clock is a system call: only every 200 corpora, so it does not weigh in.
                for (int i = 0; i < 200; i++, corpora++) {
                    for (Article article : seeds) {
                        tagger.tag(article);
                    }
                }
            }
            result = corpora * bytes / ((threads.getCurrentThreadCpuTime() - start) / 1e9) / 1e6;
        }
        return result;
    }
}
