package io.newswire.streams.ahead;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A Streams thread's main consumer that hands each poll's raw articles to {@link TaggingAhead} before Kafka
 * Streams buffers them. Everything else is Kafka's consumer as Kafka Streams would make it.
 */
final class AheadConsumer extends KafkaConsumer<byte[], byte[]> {

    private final TaggingAhead ahead;
    private final TaggingAhead.Pending pending;

    AheadConsumer(Map<String, Object> config, TaggingAhead ahead) {
        super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.ahead = ahead;
        this.pending = ahead.newPending();
    }

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
        Set<Integer> assigned = new HashSet<>();
        for (TopicPartition partition : assignment()) {
            if (partition.topic().equals(ahead.rawTopic())) {
                assigned.add(partition.partition());
            }
        }
        ahead.polled(pending, records, assigned);
        return records;
    }
}
