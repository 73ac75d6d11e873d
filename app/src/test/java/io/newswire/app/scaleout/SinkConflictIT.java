package io.newswire.app.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.testsupport.InJvmKafka;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.Topics;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.Sink;
import io.newswire.consumer.sink.SinkBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer that lost a partition without noticing yet (a "zombie") must not overwrite what the partition's
 * new owner wrote: the sink refuses its batch, and it rewinds to the sink's offsets.
 */
class SinkConflictIT {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static InJvmKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InJvmKafka.start(1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void shouldNotOverwriteWhatTheNewOwnerWroteAndResumeFromIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Properties config = kafka.clientConfig();
        config.put("newswire.topic.tagged", "tagged-" + run);
        config.put("newswire.topic.topic-daily", "daily-" + run);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "sink-" + run);
        Topics topics = Topics.from(config);
        TopicPartition daily = new TopicPartition(topics.topicDaily().name(), 0);
        String url = dir.resolve("sink.db").toString();

        // Given ten summaries, of topics k-0 … k-9, at offsets 0 … 9
        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            admin.createMissingTopics(List.of(topics.tagged().name(), topics.topicDaily().name()), 1);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 10; i++) {
                TopicDaySummary summary = summary("k-" + i, 1);
                producer.send(new ProducerRecord<>(daily.topic(), TopicDaySummary.key(summary.topic(), summary.day()),
                        topics.topicDaily().valueSerde().serializer().serialize(daily.topic(), summary))).get();
            }
        }

        // When, between this consumer's first read and its write, the partition's new owner stores k-0 and offset 5
        AtomicBoolean newOwnerWrites = new AtomicBoolean(true);
        try (JdbcSink mine = JdbcSink.open(url); JdbcSink newOwner = JdbcSink.open(url)) {
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
                await().atMost(Duration.ofSeconds(60)).until(() -> mine.storedOffsets(List.of(daily))
                        .getOrDefault(daily, 0L) == 10L);
            }

            // Then its stale batch was refused, the new owner's k-0 stands, and it went on from offset 5
            assertThat(consumer.refusedBatches()).isEqualTo(1);
            assertThat(consumer.failure()).isNull();
        }
        assertThat(query(url, "SELECT topic || '=' || article_count FROM topic_daily ORDER BY topic"))
                .containsExactly("k-0=100", "k-5=1", "k-6=1", "k-7=1", "k-8=1", "k-9=1");
    }

    private static TopicDaySummary summary(String topic, long count) {
        return new TopicDaySummary(1, topic, "2026-11-23", count, 1, List.of(), List.of("t"), NOW, NOW);
    }

    private static List<String> query(String sink, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(JdbcSink.jdbcUrl(sink));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
