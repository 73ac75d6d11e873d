package io.newswire.testsupport;

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
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads back what a topic holds right now, committed records only: every partition from the beginning to the
 * end offsets of this moment, with no consumer group (nothing to clean up, nothing shared between tests).
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every committed record of {@code topic} as bytes; fails when the end is not reached within {@code timeout}. */
    public static List<ConsumerRecord<byte[], byte[]>> records(Properties config, String topic, Duration timeout) {
        return records(config, topic, new ByteArrayDeserializer(), timeout);
    }

    /** Every committed value of {@code topic}, read with {@code values}. */
    public static <V> List<V> values(Properties config, String topic, Deserializer<V> values, Duration timeout) {
        return records(config, topic, values, timeout).stream().map(ConsumerRecord::value).toList();
    }

    /** How many records the topic holds now (the sum of its end offsets, transaction markers included). */
    public static long endOffsetSum(Properties config, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readerConfig(config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic, Duration.ofSeconds(10));
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }

    private static <V> List<ConsumerRecord<byte[], V>> records(Properties config, String topic,
                                                               Deserializer<V> values, Duration timeout) {
        try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(readerConfig(config),
                new ByteArrayDeserializer(), values)) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
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

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        return consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Properties readerConfig(Properties config) {
        Properties props = new Properties();
        props.putAll(config);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Hostile-input tests write records of several MB: one fetch must be able to hold one.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        return props;
    }
}
