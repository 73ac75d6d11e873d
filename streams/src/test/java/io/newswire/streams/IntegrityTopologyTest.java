package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.Topics;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.deadletter.DeadLetterDeserializationHandler;
import io.newswire.common.DeadLetterHeaders;
import io.newswire.streams.deadletter.DeadLetterProcessingHandler;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.testing.TopologyDrivers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dedup, near-duplicates, lateness and every dead-letter reason, on {@link TopologyTestDriver}. */
class IntegrityTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String STORY = "North Korea has sent 11,000 soldiers to the Kursk region, according to"
            + " Ukrainian intelligence. The troops were deployed after the treaty on a comprehensive strategic"
            + " partnership between Moscow and Pyongyang came into force. Officials in Seoul said the deployment"
            + " marks a new stage of the military alliance and called for sanctions against both governments."
            + " In exchange for the soldiers, Pyongyang will receive up to 700,000 tonnes of rice per year from"
            + " Moscow, as well as space and, possibly, military technologies, according to the same services."
            + " Analysts expect the first units to be used to hold ground in the Kursk region rather than to"
            + " advance, and diplomats at the United Nations are preparing a joint statement on the deployment.";

    private final Topics topics = Topics.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, TaggedArticle> tagged;
    private TestOutputTopic<String, TopicDaySummary> daily;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        IntegritySettings settings = new IntegritySettings(Duration.ofDays(30), 6, Duration.ofDays(90), 10_000);
        TopologyConfig config = new TopologyConfig(topics, LuceneTagger.withDefaults(), new DayResolver())
                .withIntegrity(settings);
        driver = TopologyDrivers.start(config, "integrity-test", java.nio.file.Path.of("target/ttd-state"), NOW);
        raw = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer(),
                NOW, Duration.ofSeconds(1));
        tagged = driver.createOutputTopic(topics.tagged().name(), new StringDeserializer(),
                topics.tagged().valueSerde().deserializer());
        daily = driver.createOutputTopic(topics.topicDaily().name(), new StringDeserializer(),
                topics.topicDaily().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldCountAReplayedArticleOnce() {
        Article article = article("a1", "https://example.com/a1", "Soldiers sent to Kursk", STORY, "2024-11-05");
        send(article);
        Map<String, Long> afterFirst = latestCounts();
        send(article);
        send(article);

        List<TaggedArticle> out = tagged.readValuesToList();
        assertThat(out).hasSize(3).allSatisfy(t -> assertThat(t.duplicateOf()).isNull());
        assertThat(afterFirst).isNotEmpty().allSatisfy((topicDay, count) -> assertThat(count).isEqualTo(1));
        assertThat(latestCounts()).isEmpty(); // no summary changed after the first
    }

    @Test
    void shouldLinkANearDuplicateToTheFirstAndNotCountIt() {
        Article first = article("a1", "https://example.com/a1", "Soldiers sent to Kursk", STORY, "2024-11-05");
        Article syndicated = article("b2", "https://mirror.example.org/b2", "Soldiers sent to Kursk",
                STORY + " (Reuters)", "2024-11-05");
        Article other = article("c3", "https://example.com/c3", "Nuclear talks",
                "The nuclear talks on ballistic missiles and the missile programme resumed in Geneva on Monday"
                        + " with delegations from both governments and observers from the agency.", "2024-11-05");
        send(first);
        Map<String, Long> counts = latestCounts();
        send(syndicated);
        send(other);

        List<TaggedArticle> out = tagged.readValuesToList();
        assertThat(out).extracting(TaggedArticle::id).containsExactly("a1", "b2", "c3");
        assertThat(out.get(1).duplicateOf()).isEqualTo("a1");
        assertThat(out.get(2).duplicateOf()).isNull();
        Map<String, Long> after = latestCounts();
        assertThat(counts).isNotEmpty();
        assertThat(after.keySet()).doesNotContainAnyElementsOf(counts.keySet()).isNotEmpty();
    }

    @Test
    void shouldUpdateAPastDayWithinTheGraceAndDeadLetterOneBeyondIt() {
        send(article("new", null, "Soldiers in Kursk", STORY, "2024-11-05"));
        send(article("within", null, "Troops deployed", "Troops deployed and soldiers stationed near the border,"
                + " officials said on the day.", "2024-10-15"));
        send(article("late", null, "Troops long ago", "Troops deployed and soldiers stationed far away, an"
                + " archive story of an old deployment.", "2024-09-01"));

        assertThat(tagged.readValuesToList()).extracting(TaggedArticle::id).containsExactly("new", "within");
        assertThat(latestCounts()).containsKey("troop-deployments|2024-10-15").doesNotContainKey("troop-deployments|2024-09-01");
        TestRecord<byte[], byte[]> letter = dlq.readRecord();
        assertThat(header(letter, DeadLetterHeaders.ERROR)).isEqualTo("too-late");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("\"id\":\"late\"");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldNotLetAnArticleDatedByItsIngestionMakeAReplayedArchiveLate() {
        // Given an undated article, dated by its ingestion (2026), then a 2024 archive replayed after it
        send(new Article(1, "undated", "test", null, "Soldiers in Kursk", "Troops and soldiers deployed.", null, NOW, "en"));
        send(article("archive", null, "Soldiers in Kursk", STORY, "2024-10-15"));

        assertThat(tagged.readValuesToList()).extracting(TaggedArticle::day).containsExactly("2026-11-23", "2024-10-15");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterInvalidArticlesWithTheirReasonAndOriginalBytesAndKeepGoing() {
        byte[] missingText = json(article("m1", null, " ", null, "2024-11-05"));
        byte[] tooLarge = json(article("big", null, "Big", "x".repeat(10_001), "2024-11-05"));
        byte[] futureDate = json(article("f1", null, "From the future", "text", "2031-01-01"));
        byte[] ancientDate = json(article("a1", null, "Antiquity", "text", "0024-11-05"));

        raw.pipeInput("m1".getBytes(StandardCharsets.UTF_8), missingText);
        raw.pipeInput("big".getBytes(StandardCharsets.UTF_8), tooLarge);
        raw.pipeInput("f1".getBytes(StandardCharsets.UTF_8), futureDate);
        raw.pipeInput("a1".getBytes(StandardCharsets.UTF_8), ancientDate);
        send(article("good", null, "Soldiers in Kursk", STORY, "2024-11-05"));

        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.ERROR))
                .containsExactly("missing-text", "too-large", "bad-date", "bad-date");
        assertThat(letters).extracting(TestRecord::value).containsExactly(missingText, tooLarge, futureDate, ancientDate);
        assertThat(letters.get(0).key()).isEqualTo("m1".getBytes(StandardCharsets.UTF_8));
        assertThat(letters).allSatisfy(r -> {
            assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topics.raw().name());
            assertThat(header(r, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(r, DeadLetterHeaders.DETAIL)).isNotBlank();
        });
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.SOURCE_OFFSET)).containsExactly("0", "1", "2", "3");
        assertThat(tagged.readValuesToList()).extracting(TaggedArticle::id).containsExactly("good");
    }

    @Test
    void shouldSkipUnreadableBytesAndKeepGoing() {
        // TopologyTestDriver drops the dead letters a deserialization handler returns (they are checked in
        // ArticleDeserializerTest, DeadLetterHandlersTest and on a real cluster in FaultToleranceIT); here: the
        // pipeline goes on.
        raw.pipeInput("k1".getBytes(StandardCharsets.UTF_8), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        raw.pipeInput("k2".getBytes(StandardCharsets.UTF_8), "{\"id\": ".getBytes(StandardCharsets.UTF_8));
        send(article("good", null, "Soldiers in Kursk", STORY, "2024-11-05"));

        assertThat(tagged.readValuesToList()).extracting(TaggedArticle::id).containsExactly("good");
    }

    private void send(Article article) {
        raw.pipeInput(article.id().getBytes(StandardCharsets.UTF_8), json(article));
    }

    /** The article count of every summary published since the last call, latest per key. */
    private Map<String, Long> latestCounts() {
        return daily.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value.articleCount(), (a, b) -> b));
    }

    private static Article article(String id, String url, String title, String body, String day) {
        return new Article(1, id, "test", url, title, body, Instant.parse(day + "T08:00:00Z"), NOW, "en");
    }

    private static byte[] json(Article article) {
        try {
            return Json.mapper().writeValueAsBytes(article);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static {
        // Both handlers are wired by StreamsApp.streamsConfig; referenced here so a rename breaks this test.
        assertThat(DeadLetterDeserializationHandler.class).isNotNull();
        assertThat(DeadLetterProcessingHandler.class).isNotNull();
    }
}
