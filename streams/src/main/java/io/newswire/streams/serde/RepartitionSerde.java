package io.newswire.streams.serde;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a repartition topic whose records go out as public JSON a step later: Smile on the way (see
 * {@link InternalSerde}: smaller, and cheaper to write and read than JSON), but a record whose JSON would be
 * larger than {@code maxJsonBytes} is refused here with a {@link RecordTooLargeException}, as a
 * {@link io.newswire.streams.deadletter.RecordSizeGuard} on the JSON would refuse it, so that it is
 * dead-lettered where its raw bytes are still known.
 *
 * <p>The JSON is written only for a record that could be that large: JSON is at most {@link #JSON_PER_SMILE_BYTE}
 * times the Smile bytes (the worst case is a back-referenced field name, one Smile byte for
 * {@code "schemaVersion":} and its comma in JSON, or a control character escaped in six bytes), so a
 * record of a few KB never pays for its JSON.
 */
public final class RepartitionSerde<T> implements Serde<T> {

    /** An upper bound of JSON bytes per Smile byte of the same value, with room to spare. */
    static final int JSON_PER_SMILE_BYTE = 32;

    private final InternalSerde<T> smile;
    private final Serializer<T> json;
    private final int maxJsonBytes;

    /**
     * @param type the record's class
     * @param json the serializer of the public topic the record goes to next
     * @param maxJsonBytes the largest JSON value that topic takes
     */
    public RepartitionSerde(Class<T> type, Serializer<T> json, int maxJsonBytes) {
        this.smile = new InternalSerde<>(type);
        this.json = json;
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> writer = smile.serializer();
        return (topic, value) -> {
            byte[] bytes = writer.serialize(topic, value);
            if (bytes != null && (long) bytes.length * JSON_PER_SMILE_BYTE > maxJsonBytes) {
                byte[] asJson = json.serialize(topic, value);
                if (asJson.length > maxJsonBytes) {
                    throw new RecordTooLargeException("a value of " + asJson.length + " bytes (as JSON) for " + topic
                            + ", over the limit of " + maxJsonBytes);
                }
            }
            return bytes;
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return smile.deserializer();
    }
}
