package io.newswire.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.Sink;
import io.newswire.consumer.sink.SinkBatch;
import io.newswire.testsupport.SharedKafka;
import io.newswire.testsupport.SinkTables;
import io.newswire.testsupport.TestNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink consumer on a real in-JVM broker and a SQLite sink: what it writes, that it resumes from the
 * offsets stored with the rows (not from Kafka's), and that a consumer that lost its partitions without
 * noticing yet (a "zombie") cannot overwrite what their new owner wrote.
 */
class SummaryConsumerIT {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @TempDir
    Path dir;
    private Properties config;
    private Topics topics;
    private String sinkFile;

    @BeforeEach
    void createTopics() throws Exception {
        config = KAFKA.isolatedConfig("sink");
        topics = Topics.from(config);
        sinkFile = dir.resolve("sink.db").toString();
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topics.tagged().name(), 1, (short) 1),
                    new NewTopic(topics.topicDaily().name(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldWriteSummariesAndArticlesAndResumeFromTheSinkInAnotherGroup() throws Exception {
        // Given two summaries and an article, written by one consumer
        send(topics.topicDaily().name(), summary("troops", 1), summary("elections", 2));
        send(topics.tagged().name(), article("https://example.org/1"));
        try (JdbcSink sink = JdbcSink.open(sinkFile);
             SummaryConsumer first = new SummaryConsumer(config, topics, sink, batch -> { })) {
            first.start();
            await().atMost(WAIT).until(() -> first.recordsWritten() == 3);
        }
        assertThat(SinkTables.rows(sinkFile, "SELECT topic, article_count FROM topic_daily ORDER BY topic"))
                .containsExactly("elections | 2", "troops | 1");

        // When a newer summary of one topic arrives and a consumer of another group (no offsets in Kafka) starts
        send(topics.topicDaily().name(), summary("troops", 5));
        Properties otherGroup = new Properties();
        otherGroup.putAll(config);
        otherGroup.put(ConsumerConfig.GROUP_ID_CONFIG, TestNames.unique("other").sinkGroup());
        try (JdbcSink sink = JdbcSink.open(sinkFile);
             SummaryConsumer second = new SummaryConsumer(otherGroup, topics, sink, batch -> { })) {
            second.start();
            await().atMost(WAIT).until(() -> second.recordsWritten() >= 1);

            // Then it read only the new record: its position came from the sink, and the row was updated
            assertThat(second.recordsWritten()).isEqualTo(1);
            assertThat(second.failure()).isNull();
        }
        assertThat(SinkTables.rows(sinkFile, "SELECT topic, article_count FROM topic_daily ORDER BY topic"))
                .containsExactly("elections | 2", "troops | 5");
        assertThat(SinkTables.rows(sinkFile, "SELECT url FROM articles")).containsExactly("https://example.org/1");
    }

    @Test
    void shouldCountAnUnreadableRecordAndWriteTheRest() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topics.topicDaily().name(), "bad",
                    "{not a summary".getBytes(StandardCharsets.UTF_8))).get();
        }
        send(topics.topicDaily().name(), summary("troops", 1));

        try (JdbcSink sink = JdbcSink.open(sinkFile);
             SummaryConsumer consumer = new SummaryConsumer(config, topics, sink, batch -> { })) {
            consumer.start();
            await().atMost(WAIT).until(() -> SinkTables.count(sinkFile, "SELECT count(*) FROM topic_daily") == 1);

            assertThat(consumer.unreadableRecords()).isEqualTo(1);
            assertThat(consumer.failure()).isNull();
        }
    }

    @Test
    void shouldNotOverwriteWhatTheNewOwnerWroteAndResumeFromIt() throws Exception {
        // Given ten summaries, of topics k-0 … k-9, at offsets 0 … 9
        TopicPartition daily = new TopicPartition(topics.topicDaily().name(), 0);
        for (int i = 0; i < 10; i++) {
            send(daily.topic(), summary("k-" + i, 1));
        }

        // When, between this consumer's first read and its write, the partition's new owner stores k-0 and offset 5
        AtomicBoolean newOwnerWrites = new AtomicBoolean(true);
        try (JdbcSink mine = JdbcSink.open(sinkFile); JdbcSink newOwner = JdbcSink.open(sinkFile)) {
            Sink interleaved = new Sink() {
                @Override
                public void write(SinkBatch batch) {
                    if (newOwnerWrites.getAndSet(false)) {
                        newOwner.write(new SinkBatch(List.of(summary("k-0", 100)), List.of(), Map.of(daily, 5L),
                                Map.of()));
                    }
                    mine.write(batch);
                }

                @Override
                public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
                    return mine.storedOffsets(partitions);
                }

                @Override
                public void close() {
                }
            };
            SummaryConsumer consumer = new SummaryConsumer(config, topics, interleaved, batch -> { });
            try (consumer) {
                consumer.start();
                await().atMost(WAIT).until(() -> mine.storedOffsets(List.of(daily)).getOrDefault(daily, 0L) == 10L);
            }

            // Then its stale batch was refused, the new owner's k-0 stands, and it went on from offset 5
            assertThat(consumer.refusedBatches()).isEqualTo(1);
            assertThat(consumer.failure()).isNull();
        }
        assertThat(SinkTables.rows(sinkFile, "SELECT topic || '=' || article_count FROM topic_daily ORDER BY topic"))
                .containsExactly("k-0=100", "k-5=1", "k-6=1", "k-7=1", "k-8=1", "k-9=1");
    }

    private static TopicDaySummary summary(String topic, long count) {
        return new TopicDaySummary(1, topic, "2026-11-23", count, 1, List.of(), List.of("t"), NOW, NOW);
    }

    private static TaggedArticle article(String url) {
        return TaggedArticle.of(Article.create("http", url, "Title", "Body", NOW, NOW, "en"), "2026-11-23",
                "published", Tags.topicsOnly(List.of(new TopicScore("troops", 1))));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends summaries or tagged articles, keyed as Streams keys them, and waits for each acknowledgement. */
    private void send(String topic, Object... values) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Object value : values) {
                if (value instanceof TopicDaySummary summary) {
                    producer.send(new ProducerRecord<>(topic, TopicDaySummary.key(summary.topic(), summary.day()),
                            topics.topicDaily().valueSerde().serializer().serialize(topic, summary))).get();
                } else {
                    TaggedArticle article = (TaggedArticle) value;
                    producer.send(new ProducerRecord<>(topic, article.id(),
                            topics.tagged().valueSerde().serializer().serialize(topic, article))).get();
                }
            }
        }
    }
}
