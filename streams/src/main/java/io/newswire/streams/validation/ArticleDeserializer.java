package io.newswire.streams.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the bytes of {@code news.articles.raw} as an {@link Article}, telling apart why it cannot: bytes that
 * are not UTF-8 ({@code not-utf8}), a value far over the size cap ({@code too-large}), a date field that is no
 * date ({@code bad-date}), anything else ({@code malformed-json}). The {@link InvalidArticleException} it
 * throws reaches Kafka Streams' deserialization exception handler, which dead-letters the record.
 */
public final class ArticleDeserializer implements Deserializer<Article> {

    /** Room for the title, the URL and the JSON around a body of the maximum size. */
    private static final int ENVELOPE_BYTES = 64 * 1024;
    private static final ObjectReader READER = Json.mapper().readerFor(Article.class);

    private final int maxValueBytes;

    /** @param maxBodyBytes the body cap; a value this much larger (plus its envelope) is not even parsed */
    public ArticleDeserializer(int maxBodyBytes) {
        // A body of N bytes takes at most 2N as JSON when every char needs a two-char escape (\\n, \\"); the
        // six-char escapes (\\u0001) are of control characters that an article holds rarely and a large one
        // hardly ever. Beyond that the value is too large whatever it holds, and parsing it would only cost
        // memory; it also bounds what the tagged article (this plus its tags) can weigh on its way out.
        this.maxValueBytes = (int) Math.min(Integer.MAX_VALUE, 2L * maxBodyBytes + ENVELOPE_BYTES);
    }

    @Override
    public Article deserialize(String topic, byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidArticleException(RejectReason.MALFORMED_JSON, "empty value");
        }
        if (data.length > maxValueBytes) {
            throw new InvalidArticleException(RejectReason.TOO_LARGE, "value of " + data.length + " bytes");
        }
        checkUtf8(data);
        try {
            Article article = READER.readValue(data);
            if (article == null) {
                throw new InvalidArticleException(RejectReason.MALFORMED_JSON, "JSON null is not an Article");
            }
            return article;
        } catch (InvalidFormatException e) {
            if (e.getTargetType() == Instant.class) {
                throw new InvalidArticleException(RejectReason.BAD_DATE, "not a date: " + e.getValue() + " in "
                        + e.getPathReference(), e);
            }
            throw malformed(e);
        } catch (JsonProcessingException e) {
            // jackson-datatype-jsr310 reports an impossible date (2024-02-30) as a DateTimeException inside
            if (e.getCause() instanceof java.time.DateTimeException) {
                throw new InvalidArticleException(RejectReason.BAD_DATE, e.getOriginalMessage(), e);
            }
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidArticleException(RejectReason.MALFORMED_JSON, e.getMessage(), e);
        }
    }

    private static InvalidArticleException malformed(JsonProcessingException e) {
        return new InvalidArticleException(RejectReason.MALFORMED_JSON, "not an Article: " + e.getOriginalMessage(), e);
    }

    /** Strict UTF-8: Jackson would otherwise accept some invalid sequences inside strings. */
    private static void checkUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException(RejectReason.NOT_UTF8, "the value is not valid UTF-8: " + e.getMessage());
        }
    }
}
