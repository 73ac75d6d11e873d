package io.newswire.testsupport;

import io.newswire.common.Article;
import io.newswire.common.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads back everything a topic of articles holds right now: from the beginning to the end offsets. */
public final class RawTopic {

    private RawTopic() {
    }

    /** Every article on {@code topic}, all partitions; returns once the end offsets of this moment are reached. */
    public static List<Article> readAll(Properties config, String topic, Duration timeout) {
        Properties props = new Properties();
        props.putAll(config);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.ARTICLE_SERDE.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<Article> articles = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, Article> record : consumer.poll(Duration.ofMillis(200))) {
                    articles.add(record.value());
                }
            }
            return articles;
        }
    }

    /** How many records the topic holds now (sum of end offsets). */
    public static long count(Properties config, String topic) {
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                Topics.ARTICLE_SERDE.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
