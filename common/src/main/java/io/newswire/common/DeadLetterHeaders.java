package io.newswire.common;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header names every record of {@code news.articles.dlq} carries, shared by the writers (Streams, the sink)
 * and the readers (dashboard, tests), so that no part spells them on its own.
 */
public final class DeadLetterHeaders {

    /** The reason code, such as {@code malformed-json}, {@code missing-text} or {@code too-large}. */
    public static final String ERROR = "newswire.error";
    /** A human-readable detail of the reason, capped in length. */
    public static final String DETAIL = "newswire.error.detail";
    public static final String SOURCE_TOPIC = "newswire.source.topic";
    public static final String SOURCE_PARTITION = "newswire.source.partition";
    public static final String SOURCE_OFFSET = "newswire.source.offset";
    /** Present when the value was cut to fit the topic: the size in bytes of the original value. */
    public static final String ORIGINAL_SIZE = "newswire.original.size";
    /** Present when the value was cut: the SHA-256 (hex) of the whole original value. */
    public static final String ORIGINAL_SHA256 = "newswire.original.sha256";
    /** Present when the key was cut: the size in bytes of the original key. */
    public static final String ORIGINAL_KEY_SIZE = "newswire.original.key.size";

    private DeadLetterHeaders() {
    }

    /** The last value of a header as UTF-8 text, or null when the record does not carry it. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
