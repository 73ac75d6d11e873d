package io.newswire.streams.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.DeadLetterHeaders;
import io.newswire.common.DeadLetterRecord;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicSettings;
import io.newswire.common.Topics;
import io.newswire.common.validation.ArticleValidator;
import io.newswire.common.validation.RejectReason;
import io.newswire.streams.IntegritySettings;
import io.newswire.streams.NewsTopology;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.validation.ArticleDeserializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Several thousand valid articles, most of them mutated at random (seeded: a failure names its seed, and
 * {@code -Dnewswire.fuzz.seed=N} replays it), through the real topology. Whatever the mutation: the topology
 * never throws, every record is tagged or dead-lettered exactly once with a reason newswire knows (never
 * {@code processing-error}), every unmutated article and every canary is tagged, no dead letter exceeds its
 * cap, and everything tagged passes the validator again.
 */
class MutatedArticlesTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final int RECORDS = 3_000;
    private static final String[] WORDS = {"troops", "Kursk", "sanctions", "Pyongyang", "missile", "talks",
        "Seoul", "election", "rice", "border", "summit", "treaty", "soldiers", "Moscow", "ceasefire"};
    private static final Set<String> KNOWN_REASONS = Arrays.stream(RejectReason.values())
            .map(RejectReason::code).filter(code -> !code.equals("processing-error")).collect(Collectors.toSet());

    private final Topics topics = Topics.defaults();

    @Test
    void shouldTagOrDeadLetterEveryMutatedArticleAndNeverStop() {
        long seed = Long.getLong("newswire.fuzz.seed", 20261201L);
        Random random = new Random(seed);
        IntegritySettings settings = IntegritySettings.defaults();
        ArticleDeserializer deserializer = new ArticleDeserializer(settings.maxBodyBytes());
        ArticleValidator validator = settings.validator();
        Properties props = StreamsApp.streamsConfig(new Properties(), Path.of("target/ttd-mutated"), topics.dlq().name());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "mutated-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        TopologyConfig config = new TopologyConfig(topics, LuceneTagger.withDefaults(), new DayResolver())
                .withIntegrity(settings);
        Map<String, Integer> byMutation = new HashMap<>();
        long refusedOnRead = 0;
        long tagged = 0;
        long deadLettered = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(NewsTopology.build(config), props, NOW)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.raw().name(),
                    new ByteArraySerializer(), new ByteArraySerializer(), NOW, Duration.ofMillis(10));
            TestOutputTopic<String, TaggedArticle> out = driver.createOutputTopic(topics.tagged().name(),
                    new StringDeserializer(), topics.tagged().valueSerde().deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (int i = 0; i < RECORDS; i++) {
                Article article = validArticle(random, i);
                int mutation = random.nextInt(MUTATIONS.size() + 4); // beyond the list: left valid
                byte[] value = mutation < MUTATIONS.size()
                        ? MUTATIONS.get(mutation).apply(new Mutable(article, random)).bytes() : json(article);
                String key = mutation == 0 ? null : article.id();
                raw.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
                String where = "record " + i + " (mutation " + mutation + ", seed " + seed + ")";

                List<TaggedArticle> taggedNow = out.readValuesToList();
                List<TestRecord<byte[], byte[]>> lettersNow = dlq.readRecordsToList();
                boolean refused = DeserializerVerdict.reason(deserializer, value) != null;
                assertThat(taggedNow.size() + lettersNow.size() + (refused ? 1 : 0)).as(where).isEqualTo(1);
                for (TestRecord<byte[], byte[]> letter : lettersNow) {
                    assertThat(reason(letter)).as(where).isIn(KNOWN_REASONS);
                    assertThat(letter.value().length).as(where).isLessThanOrEqualTo(DeadLetterRecord.MAX_VALUE_BYTES);
                }
                for (TaggedArticle t : taggedNow) {
                    assertThat(validator.problem(t.article(), NOW, NOW)).as(where).isEmpty();
                    assertThat(json(t.article()).length).as(where).isLessThan(TopicSettings.MAX_RECORD_BYTES);
                }
                if (mutation >= MUTATIONS.size()) {
                    assertThat(taggedNow).as("unmutated " + where).hasSize(1);
                }
                refusedOnRead += refused ? 1 : 0;
                tagged += taggedNow.size();
                deadLettered += lettersNow.size();
                byMutation.merge(mutation < MUTATIONS.size() ? "mutation-" + mutation : "valid", 1, Integer::sum);

                if (i % 100 == 99) {
                    Article canary = validArticle(random, -i);
                    raw.pipeInput(canary.id().getBytes(StandardCharsets.UTF_8), json(canary));
                    assertThat(out.readValuesToList()).as("canary after " + where).hasSize(1);
                    tagged++;
                }
            }
        }
        assertThat(refusedOnRead + tagged + deadLettered).isEqualTo(RECORDS + RECORDS / 100);
        assertThat(deadLettered + refusedOnRead).as("hostile records (seed %d): %s", seed, byMutation)
                .isGreaterThan(RECORDS / 2);
    }

    /** What a mutation works on: the article, its JSON, and the dice. */
    private record Mutable(Article article, Random random) {
        byte[] json() {
            return MutatedArticlesTopologyTest.json(article);
        }

        Article with(String id, String title, String body, Instant published, Instant ingested) {
            return new Article(1, id, article.source(), article.url(), title, body, published, ingested,
                    article.language());
        }
    }

    /** The JSON a mutation produces. */
    private record Bytes(byte[] bytes) {
    }

    private static final List<java.util.function.Function<Mutable, Bytes>> MUTATIONS = List.of(
            // 0: no id and no key
            m -> new Bytes(json(m.with(null, m.article().title(), m.article().body(), null, NOW))),
            // 1: cut anywhere
            m -> new Bytes(Arrays.copyOf(m.json(), m.random().nextInt(m.json().length))),
            // 2: one byte replaced by a byte that is no UTF-8 on its own, or by a quote
            m -> {
                byte[] bytes = m.json();
                bytes[m.random().nextInt(bytes.length)] = m.random().nextBoolean() ? (byte) 0xff : (byte) '"';
                return new Bytes(bytes);
            },
            // 3: a title far over its cap
            m -> new Bytes(json(m.with(m.article().id(), "x".repeat(1_001 + m.random().nextInt(20_000)),
                    m.article().body(), null, NOW))),
            // 4: a control, bidi or escape character in the title
            m -> new Bytes(json(m.with(m.article().id(), insert(m, m.article().title(),
                    new String[] {"\u0000", "\u001b[31m", "\u202e", "\u2066", "\u0085"}),
                    m.article().body(), null, NOW))),
            // 5: NUL in the body
            m -> new Bytes(json(m.with(m.article().id(), m.article().title(), insert(m, m.article().body(),
                    new String[] {"\u0000"}), null, NOW))),
            // 6: published or ingested far ahead of the clock
            m -> new Bytes(json(m.with(m.article().id(), m.article().title(), m.article().body(),
                    m.random().nextBoolean() ? NOW.plus(Duration.ofDays(2 + m.random().nextInt(400 * 365))) : null,
                    m.random().nextBoolean() ? NOW.plus(Duration.ofDays(2 + m.random().nextInt(400 * 365))) : NOW))),
            // 7: neither title nor body
            m -> new Bytes(json(m.with(m.article().id(), " ", "", null, NOW))),
            // 8: the article inside an array, or another JSON value instead
            m -> new Bytes(text(new String[] {"[" + new String(m.json(), StandardCharsets.UTF_8) + "]", "null", "42",
                    "\"text\"", "true", "{}", "[]", "{\"id\":{}}"}[m.random().nextInt(8)])),
            // 9: deep nesting
            m -> new Bytes(text("{\"title\":" + "[".repeat(2_000 + m.random().nextInt(8_000)) + "]")),
            // 10: published long before the partition's latest day (too late), or before 1900
            m -> new Bytes(json(m.with(m.article().id(), m.article().title(), m.article().body(),
                    m.random().nextBoolean() ? Instant.parse("1850-01-01T00:00:00Z") : NOW.minus(Duration.ofDays(200)),
                    NOW))),
            // 11: a field of the wrong type
            m -> new Bytes(text(new String(m.json(), StandardCharsets.UTF_8)
                    .replaceFirst("\"publishedAt\":(null|\"[^\"]*\")", "\"publishedAt\":[1,2]"))),
            // 12: a date that is no date
            m -> new Bytes(text(new String(m.json(), StandardCharsets.UTF_8)
                    .replaceFirst("\"ingestedAt\":\"[^\"]*\"", "\"ingestedAt\":\"2024-02-30T00:00:00Z\""))));

    private static String insert(Mutable m, String text, String[] choices) {
        String inserted = choices[m.random().nextInt(choices.length)];
        int at = m.random().nextInt(text.length() + 1);
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static Article validArticle(Random random, int n) {
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 4 + random.nextInt(6); w++) {
            title.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 40 + random.nextInt(200); w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        Instant published = random.nextInt(4) == 0 ? null : NOW.minus(Duration.ofHours(random.nextInt(20 * 24)));
        return new Article(1, "article-" + n, "test", "https://example.org/" + n, title.toString(), body.toString(),
                published, NOW, "en");
    }

    private static byte[] json(Article article) {
        return Topics.ARTICLE_SERDE.serializer().serialize("", article);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(TestRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(DeadLetterHeaders.ERROR);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
