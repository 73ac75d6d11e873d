package io.newswire.streams.deadletter;

import static io.newswire.common.DeadLetterHeaders.DETAIL;
import static io.newswire.common.DeadLetterHeaders.ERROR;
import static io.newswire.common.DeadLetterHeaders.SOURCE_OFFSET;
import static io.newswire.common.DeadLetterHeaders.SOURCE_PARTITION;
import static io.newswire.common.DeadLetterHeaders.SOURCE_TOPIC;

import io.newswire.common.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Builds the records of {@code news.articles.dlq}: the original key and bytes, with the reason headers. */
public final class DeadLetterRecords {

    private static final int MAX_DETAIL_CHARS = 1_000;

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
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlqTopic, null, key, value);
        Headers headers = record.headers();
        headers.add(ERROR, utf8(reason));
        String safeDetail = detail == null ? "" : detail;
        headers.add(DETAIL, utf8(safeDetail.length() > MAX_DETAIL_CHARS
                ? safeDetail.substring(0, MAX_DETAIL_CHARS) : safeDetail));
        headers.add(SOURCE_TOPIC, utf8(context.topic()));
        headers.add(SOURCE_PARTITION, utf8(String.valueOf(context.partition())));
        headers.add(SOURCE_OFFSET, utf8(String.valueOf(context.offset())));
        return record;
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
