package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.common.TopicSettings;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.SinkReader;
import io.newswire.dashboard.DashboardServer;
import io.newswire.streams.NewsTopology;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopicLimits;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.Tagger;
import io.newswire.testsupport.CommittedRecords;
import io.newswire.testsupport.CommittedRecords.DeadLetter;
import io.newswire.testsupport.SharedKafka;
import io.newswire.testsupport.TestNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@link KafkaProducer}, as any client could, writes hostile records straight onto each topic of a
 * running pipeline (an in-JVM broker with its default limits), each followed by a valid canary article. Then
 * the whole pipeline is stopped and started again. No record may stop it: every canary reaches the sink,
 * every hostile record is in the dead-letter topic with its reason, Streams and the consumer run, the
 * dashboard answers, and on the raw topic count in = count tagged + count dead-lettered.
 */
class HostileInputIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String STORY = "North Korea has sent 11,000 soldiers to the Kursk region, according to"
            + " Ukrainian intelligence. The troops were deployed after the treaty came into force.";
    /** Every article is about one topic, so the topic page has something to show. */
    private static final Tagger ONE_TOPIC = article -> Tags.topicsOnly(List.of(new TopicScore("north-korea", 1)));

    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @TempDir
    Path dir;

    private final Map<String, String> expectedReasons = new LinkedHashMap<>();
    private final List<String> canaries = new ArrayList<>();
    private final List<String> writtenToTagged = new ArrayList<>();

    @Test
    void shouldDeadLetterEveryHostileRecordAndKeepEverythingRunningThroughARestart() throws Exception {
        Properties config = isolatedConfig();
        TopologyConfig topology = new TopologyConfig(Topics.from(config), ONE_TOPIC, new DayResolver());
        Topics topics = topology.topics();
        String sink = dir.resolve("newswire.db").toString();
        Path state = dir.resolve("state");

        try (KafkaAdmin admin = new KafkaAdmin(config);
             KafkaProducer<byte[], byte[]> producer = plainProducer();
             SinkReader reader = new SinkReader(sink)) {
            admin.createMissingTopics(topics.names(), 1);
            try (Pipeline pipeline = new Pipeline(config, topology, state, sink, batch -> { })) {
                pipeline.start(Duration.ofSeconds(60));
                // Kafka Streams created the topic-day changelog with small segments (compacted often, in small steps).
                assertThat(topicConfig(admin.admin(), StreamsApp.applicationId(config) + "-"
                        + NewsTopology.TOPIC_DAY_STORE + "-changelog", TopicConfig.SEGMENT_BYTES_CONFIG))
                        .isEqualTo(String.valueOf(8 * 1024 * 1024));
                String raw = topics.raw().name();
                hostile(producer, raw, "ten-megabytes", tenMegabytes(), "too-large");
                for (int i = 0; i < 5; i++) {
                    hostile(producer, raw, "long-title-" + i, json(article("long-title-" + i,
                            "Kursk " + i + " " + "x".repeat(300 * 1024), null, NOW)), "too-large");
                }
                hostile(producer, raw, "year-99999", text("{\"id\":\"year-99999\",\"title\":\"Far\",\"body\":\"b\","
                        + "\"publishedAt\":\"+99999-01-01T00:00:00Z\",\"ingestedAt\":\"+99999-01-01T00:00:00Z\"}"),
                        "bad-date");
                hostile(producer, raw, "ingested-ahead", json(article("ingested-ahead", "Ahead", null,
                        NOW.plus(Duration.ofDays(365)))), "bad-date");
                hostile(producer, raw, "not-utf8", new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xc3, (byte) 0x28,
                        '"', '}'}, "not-utf8");
                hostile(producer, raw, "not-json", text("<html>not JSON</html>"), "malformed-json");
                hostile(producer, raw, "array", text("[{\"id\":\"a\"}]"), "malformed-json");
                hostile(producer, raw, "number", text("42"), "malformed-json");
                hostile(producer, raw, "string", text("\"an article\""), "malformed-json");
                hostile(producer, raw, "null", text("null"), "malformed-json");
                hostile(producer, raw, "deep", text("[".repeat(10_000) + "]".repeat(10_000)), "malformed-json");
                hostile(producer, raw, "nul", json(article("nul", "NUL in body", "a\u0000b " + STORY, NOW)),
                        "bad-text");
                hostile(producer, raw, "rtl", json(article("rtl", "Invoice \u202Efdp.exe", STORY, NOW)), "bad-text");
                hostile(producer, raw, "ansi", json(article("ansi", "\u001b[2J\u001b[31mAlert\u001b[0m", STORY, NOW)),
                        "bad-text");
                writtenToTagged.add("tagged-missing");
                hostile(producer, topics.tagged().name(), "tagged-missing", text("{\"id\":\"x\"}"), "missing-field");
                hostile(producer, topics.topicDaily().name(), "daily-missing", text("{\"topic\":\"north-korea\"}"),
                        "missing-field");
                hostile(producer, topics.topicDaily().name(), "daily-zzzz",
                        text("{\"topic\":\"north-korea\",\"day\":\"zzzz\",\"articleCount\":1}"), "bad-date");
                hostile(producer, topics.topicDaily().name(), "daily-9999",
                        text("{\"topic\":\"north-korea\",\"day\":\"9999-12-31\",\"articleCount\":1}"), "bad-date");

                // Written as kcat and plain producers often write them, without a key: articles like any
                // other, tagged under their id (a repartition would drop a null key silently).
                for (int i = 0; i < 3; i++) {
                    String unkeyed = "unkeyed-" + i;
                    producer.send(new ProducerRecord<>(raw, null, json(article(unkeyed, "Canary " + unkeyed, STORY,
                            NOW)))).get();
                    canaries.add(unkeyed);
                }

                awaitCanariesAndDeadLetters(pipeline, admin, reader, config, topics);
                assertThat(pipeline.failure()).isNull();
            }

            // The whole pipeline again, on the same state, sink and topics.
            try (Pipeline pipeline = new Pipeline(config, topology, state, sink, batch -> { });
                 DashboardServer dashboard = new DashboardServer(sink, null, topics)) {
                pipeline.start(Duration.ofSeconds(60));
                canary(producer, topics.raw().name());
                awaitCanariesAndDeadLetters(pipeline, admin, reader, config, topics);
                assertThat(pipeline.failure()).isNull();
                assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(pipeline.health().ready()).as(pipeline.health().detail()).isTrue();

                dashboard.start("127.0.0.1", 0);
                assertThat(status(dashboard, "/api/topics")).isEqualTo(200);
                assertThat(status(dashboard, "/api/topics/north-korea")).isEqualTo(200);
            }
        }

        List<DeadLetter> letters = CommittedRecords.deadLetters(config, topics.dlq().name(), Duration.ofSeconds(30));
        Map<String, String> reasons = letters.stream()
                .collect(Collectors.toMap(DeadLetter::key, DeadLetter::reason, (a, b) -> a + "," + b));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(expectedReasons);
        assertThat(letters).allSatisfy(letter -> assertThat(letter.valueBytes()).isLessThan(1024 * 1024));

        long in = CommittedRecords.read(config, topics.raw().name(), Duration.ofSeconds(30)).size();
        long tagged = CommittedRecords.read(config, topics.tagged().name(), Duration.ofSeconds(30)).stream()
                .filter(r -> !writtenToTagged.contains(new String(r.key(), StandardCharsets.UTF_8))).count();
        long deadLetteredFromRaw = letters.stream().filter(l -> topics.raw().name().equals(l.sourceTopic())).count();
        assertThat(in).isEqualTo(tagged + deadLetteredFromRaw);
        assertThat(tagged).isEqualTo(canaries.size());
    }

    @Test
    void shouldRaiseTheRecordLimitOfInternalTopicsAnOlderVersionCreated() throws Exception {
        // Any topic will do: TopicLimits raises the limit of the topics it is given.
        String topic = TestNames.unique("limits").raw();
        try (Admin admin = Admin.create(KAFKA.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertThat(maxMessageBytes(admin, topic)).isLessThan(TopicSettings.MAX_MESSAGE_BYTES);

            assertThat(TopicLimits.raise(admin, List.of(topic, "no-such-topic"), TopicSettings.MAX_MESSAGE_BYTES))
                    .containsExactly(topic);
            assertThat(maxMessageBytes(admin, topic)).isEqualTo(TopicSettings.MAX_MESSAGE_BYTES);
            assertThat(TopicLimits.raise(admin, List.of(topic), TopicSettings.MAX_MESSAGE_BYTES)).isEmpty();
        }
    }

    private static int maxMessageBytes(Admin admin, String topic) throws Exception {
        return Integer.parseInt(topicConfig(admin, topic, TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
    }

    private static String topicConfig(Admin admin, String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource).get(key).value();
    }

    private void awaitCanariesAndDeadLetters(Pipeline pipeline, KafkaAdmin admin, SinkReader reader,
                                            Properties config, Topics topics) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(pipeline.failure()).isNull();
            assertThat(reader.countArticles(canaries)).isEqualTo(canaries.size());
            assertThat(CommittedRecords.deadLetters(config, topics.dlq().name(), Duration.ofSeconds(10)))
                    .hasSize(expectedReasons.size());
            assertThat(pipeline.drained(admin.admin())).isTrue();
        });
    }

    /** Writes one hostile record, expects it dead-lettered with {@code reason}, then writes a canary after it. */
    private void hostile(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value,
                         String reason) throws Exception {
        producer.send(new ProducerRecord<>(topic, text(key), value)).get();
        expectedReasons.put(key, reason);
        canary(producer, rawTopic);
    }

    private String rawTopic;

    private void canary(KafkaProducer<byte[], byte[]> producer, String raw) throws Exception {
        String id = "canary-" + canaries.size();
        producer.send(new ProducerRecord<>(raw, text(id), json(article(id, "Canary " + id, STORY, NOW)))).get();
        canaries.add(id);
    }

    private Properties isolatedConfig() {
        TestNames names = TestNames.unique("hostile");
        rawTopic = names.raw();
        return names.config(KAFKA.bootstrapServers());
    }

    /** A client like any other: lz4, so a 10 MB record is a small batch the broker accepts. */
    private static KafkaProducer<byte[], byte[]> plainProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(32 * 1024 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64 * 1024 * 1024));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static int status(DashboardServer dashboard, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dashboard.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static byte[] tenMegabytes() {
        return json(article("ten-megabytes", "Ten megabytes", "Troops and soldiers. ".repeat(10 * 1024 * 1024 / 21),
                NOW));
    }

    private static Article article(String id, String title, String body, Instant ingestedAt) {
        return new Article(1, id, "test", null, title, body == null ? STORY : body, null, ingestedAt, "en");
    }

    private static byte[] json(Article article) {
        return Topics.ARTICLE_SERDE.serializer().serialize("", article);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
