package io.newswire.common;

import java.util.Map;

/**
 * Settings of the topics newswire creates. An article may carry a body up to the cap (1 MiB by default), and
 * a too-large one is dead-lettered with its original bytes, so records can be larger than Kafka's 1 MiB
 * default; producers writing these topics are configured with the same limit.
 */
public final class TopicSettings {

    /** 4 MiB: the largest body allowed, its JSON escaping and the headers of a dead letter fit. */
    public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    /**
     * The largest value newswire writes in one record: the topic limit less room for the key, the headers and
     * the batch around it. Kafka Streams refuses a larger output before sending it (a {@code too-large} dead
     * letter), since under exactly-once a send refused by the producer or broker aborts the transaction.
     */
    public static final int MAX_RECORD_BYTES = MAX_MESSAGE_BYTES - 64 * 1024;

    private TopicSettings() {
    }

    /** Topic-level configs for {@code createTopics}. */
    public static Map<String, String> topicConfigs() {
        return Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    }
}
