package io.newswire.streams.hostile;

import io.newswire.common.validation.InvalidArticleException;
import io.newswire.streams.validation.ArticleDeserializer;

/** What the deserialization handler will be told about a value: its reason code, or null when it reads. */
final class DeserializerVerdict {

    private DeserializerVerdict() {
    }

    static String reason(ArticleDeserializer deserializer, byte[] value) {
        try {
            deserializer.deserialize("raw", value);
            return null;
        } catch (InvalidArticleException e) {
            return e.reason().code();
        } catch (RuntimeException e) {
            return "malformed-json";
        }
    }
}
