package io.newswire.streams.deadletter;

import io.micrometer.core.instrument.Metrics;
import io.newswire.common.DeadLetterRecord;
import io.newswire.common.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the records of {@code news.articles.dlq} in Kafka Streams' handlers: the original key and bytes with
 * the reason headers, cut to fit (see {@link DeadLetterRecord}).
 */
public final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    /** The dead-letter topic the Streams config names, else the default of DESIGN.md. */
    public static String topic(Map<String, ?> streamsConfig) {
        Object topic = streamsConfig.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null ? Topics.DLQ : topic.toString();
    }

    /** A dead letter of the original key and bytes with the reason and where the record came from. */
    public static ProducerRecord<byte[], byte[]> record(String dlqTopic, byte[] key, byte[] value, String reason,
                                                        String detail, ErrorHandlerContext context) {
        // Reasons are a short fixed list of codes (DeadLetterHeaders), so one counter each stays bounded.
        Metrics.counter("newswire.articles.dead.lettered", "reason", reason).increment();
        return DeadLetterRecord.of(dlqTopic, key, value, reason, detail, context.topic(), context.partition(),
                context.offset());
    }
}
