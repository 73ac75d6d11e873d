package io.newswire.common;

import static io.newswire.common.DeadLetterHeaders.DETAIL;
import static io.newswire.common.DeadLetterHeaders.ERROR;
import static io.newswire.common.DeadLetterHeaders.ORIGINAL_KEY_SIZE;
import static io.newswire.common.DeadLetterHeaders.ORIGINAL_SHA256;
import static io.newswire.common.DeadLetterHeaders.ORIGINAL_SIZE;
import static io.newswire.common.DeadLetterHeaders.SOURCE_OFFSET;
import static io.newswire.common.DeadLetterHeaders.SOURCE_PARTITION;
import static io.newswire.common.DeadLetterHeaders.SOURCE_TOPIC;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One record of {@code news.articles.dlq}: the original key and bytes with the reason headers, built the same
 * way by every writer (Kafka Streams' handlers, the sink consumer).
 *
 * <p>A dead letter must never be refused by its own topic: a refused dead letter is what stopped the pipeline
 * for good (under exactly-once, a failed send aborts the transaction, and the same record comes back). So the
 * value is cut to {@link #MAX_VALUE_BYTES} and the key to {@link #MAX_KEY_BYTES}, below even the broker's
 * default 1 MiB limit, and a cut value carries its original size and SHA-256 in headers.
 */
public final class DeadLetterRecord {

    /** 768 KiB: with the key and headers, below the broker default {@code message.max.bytes} of 1 MiB. */
    public static final int MAX_VALUE_BYTES = 768 * 1024;
    /** Keys are article ids; anything longer is kept only as a prefix. */
    public static final int MAX_KEY_BYTES = 4 * 1024;
    private static final int MAX_DETAIL_CHARS = 1_000;
    private static final int MAX_HEADER_CHARS = 1_000;

    private DeadLetterRecord() {
    }

    /**
     * A dead letter of {@code key} and {@code value} (either may be null) with the reason and where the record
     * came from ({@code sourcePartition}/{@code sourceOffset} -1 when unknown).
     */
    public static ProducerRecord<byte[], byte[]> of(String dlqTopic, byte[] key, byte[] value, String reason,
                                                    String detail, String sourceTopic, int sourcePartition,
                                                    long sourceOffset) {
        byte[] keptKey = key != null && key.length > MAX_KEY_BYTES ? Arrays.copyOf(key, MAX_KEY_BYTES) : key;
        byte[] keptValue = value != null && value.length > MAX_VALUE_BYTES ? Arrays.copyOf(value, MAX_VALUE_BYTES) : value;
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlqTopic, null, keptKey, keptValue);
        Headers headers = record.headers();
        headers.add(ERROR, utf8(capped(reason, MAX_HEADER_CHARS)));
        headers.add(DETAIL, utf8(capped(detail, MAX_DETAIL_CHARS)));
        headers.add(SOURCE_TOPIC, utf8(capped(sourceTopic, MAX_HEADER_CHARS)));
        headers.add(SOURCE_PARTITION, utf8(String.valueOf(sourcePartition)));
        headers.add(SOURCE_OFFSET, utf8(String.valueOf(sourceOffset)));
        if (keptValue != value) {
            headers.add(ORIGINAL_SIZE, utf8(String.valueOf(value.length)));
            headers.add(ORIGINAL_SHA256, utf8(sha256(value)));
        }
        if (keptKey != key) {
            headers.add(ORIGINAL_KEY_SIZE, utf8(String.valueOf(key.length)));
        }
        return record;
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String capped(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
