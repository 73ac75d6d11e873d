package io.newswire.testsupport;

import io.newswire.common.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Every committed record a topic holds right now, as bytes (from the beginning to the end offsets of this
 * moment, aborted transactions left out), whatever those bytes are: for topics that may hold anything; and
 * the dead letters of a dead-letter topic by their headers.
 */
public final class CommittedRecords {

    /** One record of a dead-letter topic, by the headers every dead letter carries. */
    public record DeadLetter(String key, String reason, String sourceTopic, int valueBytes) {
    }

    private CommittedRecords() {
    }

    /** See {@link TopicReader#records}. */
    public static List<ConsumerRecord<byte[], byte[]>> read(Properties config, String topic, Duration timeout) {
        return TopicReader.records(config, topic, timeout);
    }

    /** The dead letters of a dead-letter topic, with their reason and source topic. */
    public static List<DeadLetter> deadLetters(Properties config, String topic, Duration timeout) {
        return read(config, topic, timeout).stream()
                .map(r -> new DeadLetter(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                        DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.ERROR),
                        DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.SOURCE_TOPIC),
                        r.value() == null ? 0 : r.value().length))
                .toList();
    }
}
