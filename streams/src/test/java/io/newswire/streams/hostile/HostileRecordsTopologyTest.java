package io.newswire.streams.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.DeadLetterHeaders;
import io.newswire.common.DeadLetterRecord;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Topics;
import io.newswire.streams.IntegritySettings;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.testing.TopologyDrivers;
import io.newswire.streams.validation.ArticleDeserializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each hostile record of {@code news.articles.raw} is dead-lettered with its reason, and the valid article sent
 * after it (the canary) is tagged: no record stops the topology.
 */
class HostileRecordsTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String STORY = "North Korea has sent 11,000 soldiers to the Kursk region, according to"
            + " Ukrainian intelligence. The troops were deployed after the treaty came into force.";

    private final Topics topics = Topics.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, TaggedArticle> tagged;
    private TestOutputTopic<byte[], byte[]> dlq;
    private int canaries;
    private ArticleDeserializer deserializer;

    private void start(IntegritySettings settings) {
        deserializer = new ArticleDeserializer(settings.maxBodyBytes());
        TopologyConfig config = new TopologyConfig(topics, LuceneTagger.withDefaults(), new DayResolver())
                .withIntegrity(settings);
        driver = TopologyDrivers.start(config, "hostile-test", Path.of("target/ttd-hostile"), NOW);
        raw = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer(),
                NOW, Duration.ofSeconds(1));
        tagged = driver.createOutputTopic(topics.tagged().name(), new StringDeserializer(),
                topics.tagged().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldDeadLetterEachHostileRecordWithItsReasonAndTagTheCanaryAfterIt() {
        start(IntegritySettings.defaults());
        assertHostile("too-large", "big", tenMegabytes());
        assertHostile("too-large", "title", json(article("t1", "x".repeat(300 * 1024), STORY, null, NOW)));
        assertHostile("bad-date", "y99999", ("{\"id\":\"y\",\"title\":\"t\",\"body\":\"b\","
                + "\"publishedAt\":\"+99999-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        assertHostile("bad-date", "y99999b", ("{\"id\":\"y\",\"title\":\"t\",\"body\":\"b\","
                + "\"publishedAt\":\"99999-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        assertHostile("bad-date", "ahead", json(article("ahead", "Ahead", STORY, null, NOW.plus(Duration.ofDays(365)))));
        assertHostile("bad-date", "published-ahead", json(new Article(1, "p", "test", null, "T", STORY,
                NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)), "en")));
        assertHostile("not-utf8", "utf8", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xc3, '"', '}'});
        assertHostile("malformed-json", "notjson", bytes("this is not JSON"));
        assertHostile("malformed-json", "array", bytes("[1,2,3]"));
        assertHostile("malformed-json", "number", bytes("42"));
        assertHostile("malformed-json", "string", bytes("\"an article\""));
        assertHostile("malformed-json", "null", bytes("null"));
        assertHostile("malformed-json", "deep", bytes("[".repeat(10_000) + "]".repeat(10_000)));
        assertHostile("malformed-json", "deep-object", bytes("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        assertHostile("bad-text", "nul", json(article("nul", "NUL", "a\u0000b " + STORY, null, NOW)));
        assertHostile("bad-text", "rtl", json(article("rtl", "Evil \u202Egnp.exe", STORY, null, NOW)));
        assertHostile("bad-text", "ansi", json(article("ansi", "\u001b[31mRed alert\u001b[0m", STORY, null, NOW)));
        assertHostile("missing-text", "empty", bytes("{\"id\":\"e\"}"));
        assertHostile("too-large", "k".repeat(5_000), json(article(null, "Long key", STORY, null, NOW)));
    }

    @Test
    void shouldDeadLetterARecordTimestampFarAheadOfTheClock() {
        start(IntegritySettings.defaults());
        raw.pipeInput(new TestRecord<>(bytes("ts"), json(article("ts", "T", STORY, null, null)), new RecordHeaders(),
                NOW.plus(Duration.ofDays(3))));
        assertThat(reasons()).containsExactly("bad-date");
        sendCanary();
    }

    @Test
    void shouldDropTheHeadersOfTheInput() {
        start(IntegritySettings.defaults());
        RecordHeaders headers = new RecordHeaders();
        headers.add("junk", new byte[512 * 1024]);
        raw.pipeInput(new TestRecord<>(bytes("h"), json(article("h", "Headers", STORY, null, NOW)), headers, NOW));
        TestRecord<String, TaggedArticle> out = tagged.readRecord();
        assertThat(out.headers().toArray()).isEmpty();
    }

    @Test
    void shouldCutADeadLetterToFitWithTheOriginalSizeAndHash() {
        byte[] big = tenMegabytes();
        var letter = DeadLetterRecord.of("dlq", bytes("big"), big, "too-large", "value of 10 MB", "raw", 0, 7L);
        assertThat(letter.value()).hasSize(DeadLetterRecord.MAX_VALUE_BYTES)
                .isEqualTo(Arrays.copyOf(big, DeadLetterRecord.MAX_VALUE_BYTES));
        assertThat(header(letter, DeadLetterHeaders.ERROR)).isEqualTo("too-large");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_SIZE)).isEqualTo(String.valueOf(big.length));
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_SHA256)).isEqualTo(DeadLetterRecord.sha256(big));
    }

    @Test
    void shouldDeadLetterATaggedArticleTooLargeForItsTopicInsteadOfSendingIt() {
        // A body cap above the topic's limit (an operator's setting): the body passes the gate, its tagged
        // record (quotes escaped: twice the bytes) does not fit the topic and is refused before it is sent.
        start(new IntegritySettings(Duration.ofDays(30), 6, Duration.ofDays(90), 3 * 1024 * 1024));
        String body = "\"".repeat(3 * 1024 * 1024 - 100);
        assertHostile("too-large", "escapes", json(article("escapes", "Quotes", body, null, NOW)));
    }

    private void assertHostile(String reason, String key, byte[] value) {
        String name = key.length() > 40 ? key.substring(0, 40) : key;
        raw.pipeInput(bytes(key), value);
        String refusedOnRead = DeserializerVerdict.reason(deserializer, value);
        if (refusedOnRead != null) {
            // TopologyTestDriver does not capture the dead letters of the deserialization handler (a real
            // cluster does: HostileInputIT); its verdict is the deserializer's, and the record must not pass.
            assertThat(refusedOnRead).as("reason of %s", name).isEqualTo(reason);
            assertThat(tagged.readValuesToList()).as("tagged after %s", name).isEmpty();
            sendCanary();
            return;
        }
        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).as("dead letters of %s", name).hasSize(1);
        assertThat(header(letters.get(0), DeadLetterHeaders.ERROR)).as("reason of %s", name).isEqualTo(reason);
        assertThat(letters.get(0).value() == null ? 0 : letters.get(0).value().length)
                .isLessThanOrEqualTo(DeadLetterRecord.MAX_VALUE_BYTES);
        assertThat(tagged.readValuesToList()).as("tagged after %s", name).isEmpty();
        sendCanary();
    }

    private void sendCanary() {
        String id = "canary-" + canaries++;
        raw.pipeInput(bytes(id), json(article(id, "Canary " + id, STORY, null, NOW)));
        assertThat(tagged.readValuesToList()).extracting(TaggedArticle::id).containsExactly(id);
        assertThat(dlq.isEmpty()).isTrue();
    }

    private List<String> reasons() {
        return dlq.readRecordsToList().stream().map(r -> header(r, DeadLetterHeaders.ERROR)).toList();
    }

    private static byte[] tenMegabytes() {
        String body = "Troops and soldiers. ".repeat(10 * 1024 * 1024 / 21);
        return json(article("big", "Ten megabytes", body, null, NOW));
    }

    private static Article article(String id, String title, String body, Instant published, Instant ingested) {
        return new Article(1, id, "test", null, title, body, published, ingested, "en");
    }

    static byte[] json(Article article) {
        return Topics.ARTICLE_SERDE.serializer().serialize("", article);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return header(record.headers(), name);
    }

    private static String header(org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record, String name) {
        return header(record.headers(), name);
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
