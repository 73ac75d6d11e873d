package io.newswire.streams.deadletter;

import io.newswire.common.TopicSettings;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde whose serializer refuses a value larger than a record of newswire's topics may be, with a
 * {@link RecordTooLargeException}. Refused while serialising, the record never reaches the producer: under
 * exactly-once a send the producer or broker refuses aborts the whole transaction, and Kafka Streams would
 * process the same record again and again. Refused here, {@link DeadLetterProductionHandler} dead-letters it
 * as {@code too-large} and the transaction goes on.
 */
public final class RecordSizeGuard<T> implements Serde<T> {

    private final Serde<T> inner;
    private final int maxBytes;

    public RecordSizeGuard(Serde<T> inner, int maxBytes) {
        this.inner = inner;
        this.maxBytes = maxBytes;
    }

    /** Guarded at {@link TopicSettings#MAX_RECORD_BYTES}. */
    public static <T> RecordSizeGuard<T> of(Serde<T> inner) {
        return new RecordSizeGuard<>(inner, TopicSettings.MAX_RECORD_BYTES);
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> serializer = inner.serializer();
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return checked(topic, serializer.serialize(topic, data));
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return checked(topic, serializer.serialize(topic, headers, data));
            }
        };
    }

    private byte[] checked(String topic, byte[] bytes) {
        if (bytes != null && bytes.length > maxBytes) {
            throw new RecordTooLargeException("a value of " + bytes.length + " bytes for " + topic
                    + ", over the limit of " + maxBytes);
        }
        return bytes;
    }

    @Override
    public Deserializer<T> deserializer() {
        return inner.deserializer();
    }
}
