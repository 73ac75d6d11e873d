package io.newswire.dashboard.metrics;

import io.newswire.common.DeadLetterHeaders;
import io.newswire.common.KafkaClientConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the DLQ topic ({@code news.articles.dlq}) for its count and the reason headers of its newest
 * records. It joins no consumer group and commits nothing: it only looks, so it never disturbs a real DLQ
 * processor. Dead letters are rare by design, so reading all of them is cheap.
 */
public final class DeadLetterReader implements AutoCloseable {

    /** A dead letter as the pipeline page lists it: the reason code and where the record came from. */
    public record DeadLetter(String reason, String detail, String source, String timestamp) {
    }

    private static final int MAX_DETAIL_CHARS = 300;
    static final int LATEST = 10;

    private final KafkaConsumer<byte[], byte[]> consumer;
    // Only touched by the monitor's sampling thread.
    private final Deque<DeadLetter> latest = new ArrayDeque<>();
    private long count;

    DeadLetterReader(Properties clientConfig) {
        Properties props = KafkaClientConfig.copy(clientConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Streams writes the DLQ in its transactions: show only what it committed.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-dashboard-dlq");
        // Bodies are not shown; a few KB per partition covers the headers of the latest records.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Reads what arrived since the last call, up to {@code endOffsets} (or for three seconds at most).
     * It reads the topic from its start once and then only new records, so the count is of records, not
     * of offsets (Streams' transaction markers take offsets too).
     */
    void catchUp(Map<TopicPartition, Long> endOffsets) {
        if (!consumer.assignment().equals(endOffsets.keySet())) {
            Set<TopicPartition> known = consumer.assignment();
            consumer.assign(endOffsets.keySet());
            List<TopicPartition> added = endOffsets.keySet().stream().filter(tp -> !known.contains(tp)).toList();
            consumer.seekToBeginning(added);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline && !caughtUp(endOffsets)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                count++;
                latest.addFirst(toDeadLetter(record));
                if (latest.size() > LATEST) {
                    latest.removeLast();
                }
            }
        }
    }

    /** Dead letters read so far. */
    long count() {
        return count;
    }

    /** The latest ones read, newest first. */
    List<DeadLetter> latest() {
        return List.copyOf(latest);
    }

    private boolean caughtUp(Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        String detail = header(record, DeadLetterHeaders.DETAIL);
        if (detail != null && detail.length() > MAX_DETAIL_CHARS) {
            detail = detail.substring(0, MAX_DETAIL_CHARS) + "…";
        }
        String sourceTopic = header(record, DeadLetterHeaders.SOURCE_TOPIC);
        String source = sourceTopic == null ? null
                : sourceTopic + "-" + header(record, DeadLetterHeaders.SOURCE_PARTITION)
                        + "@" + header(record, DeadLetterHeaders.SOURCE_OFFSET);
        String reason = header(record, DeadLetterHeaders.ERROR);
        return new DeadLetter(reason == null ? "unknown" : reason, detail, source,
                Instant.ofEpochMilli(record.timestamp()).toString());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        return DeadLetterHeaders.text(record.headers(), key);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
