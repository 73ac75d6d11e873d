package io.newswire.app;

import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.producer.seeds.SeedParser;
import io.newswire.producer.seeds.SeedReader;
import io.newswire.streams.dedup.SimHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * A few thousand records for {@code news.articles.raw}, generated from the seeds, with repeats, near-duplicates,
 * late articles and bad records mixed in, and how many of each. Deterministic: the same list every time.
 *
 * <p>Every record has an explicit partition, and a repeat or near-duplicate goes to the partition of its
 * original, after it: which of two copies is "the first" then does not depend on how the partitions of a run
 * happen to interleave, so two runs — one disturbed, one not — must give the same sink.
 */
final class Workload {

    static final int PARTITIONS = 3;
    static final int MAX_BODY_BYTES = 20_000;
    static final Instant INGESTED = Instant.parse("2024-11-06T12:00:00Z");
    static final Instant LATEST_PUBLISHED = Instant.parse("2024-11-05T09:00:00Z");

    static final int ORIGINALS = 1_600;
    static final int REPEATS = 150;
    static final int NEAR_DUPLICATES = 100;
    static final int LATE = 50;
    static final int EACH_BAD_KIND = 20;
    static final List<String> BAD_KINDS = List.of("malformed-json", "missing-text", "too-large", "bad-date", "not-utf8");

    /** A record without its topic, which each test chooses. */
    record Entry(int partition, byte[] key, byte[] value) {
        ProducerRecord<byte[], byte[]> to(String topic) {
            return new ProducerRecord<>(topic, partition, key, value);
        }
    }

    final List<Entry> entries = new ArrayList<>();
    /** The distinct stories: what the summaries count, once each. */
    final List<Article> originals;
    /** Expected dead letters by reason. */
    final Map<String, Integer> expectedDeadLetters = new TreeMap<>();

    Workload(Path seedDir) {
        List<Article> seeds = new SeedReader(new SeedParser(Clock.fixed(INGESTED, ZoneOffset.UTC))).read(seedDir);
        Random random = new Random(2024);
        originals = distinctArticles(seeds, random);
        List<List<Entry>> byPartition = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (Article article : originals) {
            byPartition.get(partitionOf(article.id())).add(entry(article));
        }
        for (int i = 0; i < REPEATS; i++) {
            Article original = originals.get(random.nextInt(originals.size()));
            byPartition.get(partitionOf(original.id())).add(entry(original));
        }
        for (int i = 0, candidate = 0; i < NEAR_DUPLICATES; i++) {
            Article original;
            Article copy;
            do { // a copy whose fingerprint is within the default 6 bits of its original's
                original = originals.get(candidate++ * 13 % originals.size());
                copy = Article.create("syndicated", "https://mirror.example.org/" + i, original.title(),
                        original.body() + " (Reuters)", original.publishedAt(), INGESTED, "en");
            } while (SimHash.distance(SimHash.of(original.title(), original.body()),
                    SimHash.of(copy.title(), copy.body())) > 6);
            // Into the original's partition, so the copy is processed after it in every run.
            byPartition.get(partitionOf(original.id())).add(new Entry(partitionOf(original.id()),
                    utf8(copy.id()), json(copy)));
        }
        for (int i = 0; i < LATE; i++) {
            Article base = originals.get(random.nextInt(originals.size()));
            Article late = Article.create("archive", "https://archive.example.org/" + i, base.title(),
                    "From the archive, item " + i + ". " + base.body(), Instant.parse("2024-08-01T08:00:00Z"), INGESTED, "en");
            byPartition.get(partitionOf(late.id())).add(entry(late));
        }
        expectedDeadLetters.put("too-late", LATE);
        List<Entry> bad = badRecords();
        for (int i = 0; i < bad.size(); i++) {
            Entry e = bad.get(i);
            // Spread over the run, not all at the end: bad input must not stop what comes after it.
            List<Entry> partition = byPartition.get(e.partition());
            partition.add(Math.min(partition.size(), (i * 97) % Math.max(1, partition.size())), e);
        }
        // Interleave the partitions round-robin, as a live feed would.
        int max = byPartition.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < max; i++) {
            for (List<Entry> partition : byPartition) {
                if (i < partition.size()) {
                    entries.add(partition.get(i));
                }
            }
        }
    }

    int total() {
        return entries.size();
    }

    int expectedDeadLetterCount() {
        return expectedDeadLetters.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Articles made of four sentences of a seed (so the tagger finds topics in them) and a hundred words drawn
     * at random from all the seeds (so that no two are near-duplicates by chance): each is kept only if it is
     * more than 8 bits (SimHash) from every other.
     */
    private static List<Article> distinctArticles(List<Article> seeds, Random random) {
        List<String> vocabulary = seeds.stream()
                .flatMap(seed -> Arrays.stream(seed.body().split("\\s+")))
                .filter(word -> !word.isBlank())
                .toList();
        List<Article> articles = new ArrayList<>();
        List<Long> fingerprints = new ArrayList<>();
        int attempt = 0;
        while (articles.size() < ORIGINALS) {
            Article seed = seeds.get(attempt % seeds.size());
            List<String> sentences = new ArrayList<>(Arrays.asList(seed.body().split("(?<=[.!?])\\s+")));
            Collections.shuffle(sentences, random);
            StringBuilder body = new StringBuilder(String.join(" ", sentences.subList(0, Math.min(4, sentences.size()))));
            body.append("\n\n");
            for (int i = 0; i < 100; i++) {
                body.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
            }
            String title = seed.title() + " (" + attempt + ")";
            Instant published = LATEST_PUBLISHED.minus(Duration.ofDays(attempt % 25));
            attempt++;
            long fingerprint = SimHash.of(title, body.toString());
            if (fingerprints.stream().anyMatch(f -> SimHash.distance(f, fingerprint) <= 8)) {
                continue;
            }
            fingerprints.add(fingerprint);
            articles.add(Article.create("generated", "https://example.com/" + attempt, title, body.toString().strip(),
                    published, INGESTED, "en"));
        }
        return articles;
    }

    private List<Entry> badRecords() {
        List<Entry> bad = new ArrayList<>();
        for (int i = 0; i < EACH_BAD_KIND; i++) {
            bad.add(new Entry(i % PARTITIONS, utf8("malformed-" + i), utf8("{\"id\": \"malformed-" + i + "\", \"title\": ")));
            bad.add(new Entry(i % PARTITIONS, utf8("empty-" + i), json(new Article(1, "empty-" + i, "test", null, " ",
                    "", LATEST_PUBLISHED, INGESTED, "en"))));
            bad.add(new Entry(i % PARTITIONS, utf8("large-" + i), json(new Article(1, "large-" + i, "test", null, "Big",
                    "word ".repeat(MAX_BODY_BYTES / 5 + 1), LATEST_PUBLISHED, INGESTED, "en"))));
            bad.add(new Entry(i % PARTITIONS, utf8("date-" + i), utf8("{\"id\":\"date-" + i
                    + "\",\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"2024-02-30T00:00:00Z\"}")));
            bad.add(new Entry(i % PARTITIONS, utf8("latin1-" + i),
                    ("{\"id\":\"latin1-" + i + "\",\"title\":\"Zürich\"}").getBytes(StandardCharsets.ISO_8859_1)));
        }
        for (String kind : BAD_KINDS) {
            expectedDeadLetters.merge(kind, EACH_BAD_KIND, Integer::sum);
        }
        return bad;
    }

    private static Entry entry(Article article) {
        return new Entry(partitionOf(article.id()), utf8(article.id()), json(article));
    }

    /** The partition Kafka's default partitioner gives the key, as ArticlePublisher's records get. */
    static int partitionOf(String id) {
        return Utils.toPositive(Utils.murmur2(utf8(id))) % PARTITIONS;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Article article) {
        try {
            return Json.mapper().writeValueAsBytes(article);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
