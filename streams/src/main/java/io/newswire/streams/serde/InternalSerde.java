package io.newswire.streams.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newswire.common.Json;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of what only the Streams application reads back (repartition topics, state stores and their
 * changelogs): the same records and field names as the public JSON, written as Jackson Smile (binary JSON:
 * strings as raw UTF-8 with a length, no escaping, no quoting; instants as numbers, not ISO text to parse).
 * Public topics stay JSON.
 *
 * <p>Reads JSON too (a JSON value starts with {@code '{'}, a Smile one with its {@code ":)\n"} header), so
 * records written as JSON by an older newswire (a repartition topic not yet drained, a changelog being
 * restored) are read after an upgrade.
 */
public final class InternalSerde<T> implements Serde<T> {

    private static final ObjectMapper SMILE = SmileMapper.builder()
            .addModule(new JavaTimeModule())
            // Seconds and nanoseconds as a number: exact, and no text to parse on every read.
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Class<T> type;
    private final ObjectReader smileReader;
    private final ObjectReader jsonReader;
    private final ObjectWriter writer;

    public InternalSerde(Class<T> type) {
        this.type = type;
        this.smileReader = SMILE.readerFor(type);
        this.jsonReader = Json.mapper().readerFor(type);
        this.writer = SMILE.writerFor(type);
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
                throw new SerializationException("cannot write " + type.getSimpleName() + " as Smile", e);
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
                return data.length > 0 && data[0] == '{' ? jsonReader.readValue(data) : smileReader.readValue(data);
            } catch (JsonProcessingException e) {
                throw new SerializationException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        };
    }
}
