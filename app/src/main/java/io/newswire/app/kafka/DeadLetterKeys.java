package io.newswire.app.kafka;

import io.newswire.common.KafkaClientConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The keys (article ids) on {@code news.articles.dlq}, read from the beginning without a consumer group, so
 * that {@code demo --once} knows a replayed article has been dead-lettered rather than still on its way.
 */
public final class DeadLetterKeys implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Set<String> keys = new HashSet<>();

    public DeadLetterKeys(Properties clientConfig, String dlqTopic) {
        Properties props = KafkaClientConfig.copy(clientConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // Dead letters are written in Streams' transactions: an aborted attempt is no dead letter.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(15)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** How many of {@code ids} have been dead-lettered so far. */
    public int count(Collection<String> ids) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            if (record.key() != null) {
                keys.add(new String(record.key(), StandardCharsets.UTF_8));
            }
        }
        int count = 0;
        for (String id : ids) {
            if (keys.contains(id)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
