package io.newswire.testsupport;

import io.newswire.common.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every committed record a topic holds right now, as bytes (from the beginning to the end offsets of this
 * moment, aborted transactions left out), whatever those bytes are: for topics that may hold anything.
 */
public final class CommittedRecords {

    /** One record of a dead-letter topic, by the headers every dead letter carries. */
    public record DeadLetter(String key, String reason, String sourceTopic, int valueBytes) {
    }

    private CommittedRecords() {
    }

    public static List<ConsumerRecord<byte[], byte[]>> read(Properties config, String topic, Duration timeout) {
        Properties props = new Properties();
        props.putAll(config);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The dead letters of a dead-letter topic, with their reason and source topic. */
    public static List<DeadLetter> deadLetters(Properties config, String topic, Duration timeout) {
        return read(config, topic, timeout).stream()
                .map(r -> new DeadLetter(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                        DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.ERROR),
                        DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.SOURCE_TOPIC),
                        r.value() == null ? 0 : r.value().length))
                .toList();
    }
}
