package io.newswire.streams.tagging.entities.names;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.taxonomy.Taxonomy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A timed harness, not a test: MB of article text per second of one core's CPU time (thread CPU time, so
 * other processes on a shared machine do not skew it) on the BBC corpus, for the analysis alone, the
 * analysis and the name finder, and the whole tagger with and without the name finder. The name finder's
 * own speed is the difference of the first two.
 *
 * <p>Run from the test classpath with {@code java ... io.newswire.streams.tagging.entities.names.NameThroughput
 * [CORPUS.jsonl]} (default {@code ../shared/corpora/bbc-news.jsonl}).
 */
public final class NameThroughput {

    private static final int ROUNDS = 5;
    private static long blackhole;

    private NameThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpora/bbc-news.jsonl");
        if (!Files.isRegularFile(corpus)) {
            System.err.println("no corpus at " + corpus + ": nothing to measure");
            return;
        }
        List<Article> articles = new ArrayList<>();
        long bytes = 0;
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            JsonNode node = Json.mapper().readTree(line);
            String title = node.path("title").asText();
            String body = node.path("body").asText();
            articles.add(Article.create("bbc", null, title, body, null, Instant.EPOCH, "en"));
            bytes += (title + "\n\n" + body).getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf(Locale.ROOT, "corpus: %d articles, %.1f MB%n", articles.size(), bytes / 1e6);
        NameFinder finder = NameFinder.withDefaultModel();
        NameFinder.Scratch scratch = finder.newScratch();
        NewsAnalyzer analyzer = new NewsAnalyzer();
        Vocabulary stems = new Vocabulary();
        Vocabulary words = new Vocabulary();
        AnalyzedText text = new AnalyzedText();
        LuceneTagger withNames = new LuceneTagger(Taxonomy.defaultTaxonomy(), Gazetteer.defaultGazetteer(), finder);
        LuceneTagger withoutNames = new LuceneTagger(Taxonomy.defaultTaxonomy(), Gazetteer.defaultGazetteer(), null);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= ROUNDS; round++) {
            long analysis = cpu(threads, () -> {
                for (Article a : articles) {
                    text.analyze(analyzer, a.title() + "\n\n" + a.body(), a.title().length(), stems, words);
                    blackhole += text.size();
                }
            });
            long names = cpu(threads, () -> {
                for (Article a : articles) {
                    text.analyze(analyzer, a.title() + "\n\n" + a.body(), a.title().length(), stems, words);
                    finder.find(text, scratch);
                    blackhole += scratch.count();
                }
            });
            long tagger = cpu(threads, () -> articles.forEach(a -> blackhole += withNames.tag(a).entities().size()));
            long gazetteer = cpu(threads, () -> articles.forEach(a -> blackhole += withoutNames.tag(a).entities().size()));
            System.out.printf(Locale.ROOT, "round %d: analysis %.1f MB/s, analysis + names %.1f MB/s, names alone %.1f MB/s;"
                    + " tagger %.1f MB/s, tagger --no-names %.1f MB/s%n", round, mbs(bytes, analysis), mbs(bytes, names),
                    mbs(bytes, names - analysis), mbs(bytes, tagger), mbs(bytes, gazetteer));
        }
        System.out.println(blackhole == 42 ? "" : "done");
    }

    private static long cpu(ThreadMXBean threads, Runnable work) {
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static double mbs(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }
}
