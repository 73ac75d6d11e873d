package io.newswire.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one record type, as JSON. A value that is not valid JSON for the type throws
 * {@link SerializationException}, which Kafka Streams hands to its deserialization exception handler.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.type = type;
        // Readers and writers are immutable and reusable: built once, not per record.
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return reader.readValue(data);
            } catch (JsonProcessingException e) {
                throw new SerializationException("not a valid " + type.getSimpleName() + " JSON: "
                        + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        };
    }
}
