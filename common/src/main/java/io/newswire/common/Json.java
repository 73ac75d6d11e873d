package io.newswire.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured Jackson mapper: ISO-8601 instants, unknown fields ignored, long strings written as UTF-8
 * bytes ({@link Utf8StringSerializer}).
 */
public final class Json {

    private static final ObjectMapper MAPPER = withoutUtf8Strings()
            .addModule(new SimpleModule("newswire-utf8-strings").addSerializer(String.class, new Utf8StringSerializer()))
            .build();

    private Json() {
    }

    /** The mapper's settings but for its string serializer: Jackson's own output, for tests to compare with. */
    static JsonMapper.Builder withoutUtf8Strings() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Thread-safe once configured; share it rather than building another. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
