package io.newswire.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleDeserializerTest {

    private final ArticleDeserializer deserializer = new ArticleDeserializer(1_000);

    @Test
    void shouldReadAnArticle() {
        Article article = deserializer.deserialize("raw",
                "{\"id\":\"a\",\"title\":\"Zürich\",\"publishedAt\":\"2024-10-15T08:00:00Z\",\"extra\":1}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(article.id()).isEqualTo("a");
        assertThat(article.title()).isEqualTo("Zürich");
    }

    @Test
    void shouldTellBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"id\":\"a\",\"title\":\"Zürich\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertReason(latin1, RejectReason.NOT_UTF8);
    }

    @Test
    void shouldTellMalformedJson() {
        assertReason("{\"id\": ".getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
        assertReason("[1, 2]".getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED_JSON);
        assertReason(new byte[0], RejectReason.MALFORMED_JSON);
        assertReason(null, RejectReason.MALFORMED_JSON);
    }

    @Test
    void shouldTellAnImpossibleDate() {
        assertReason("{\"id\":\"a\",\"title\":\"t\",\"publishedAt\":\"2024-02-30T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8),
                RejectReason.BAD_DATE);
        assertReason("{\"id\":\"a\",\"title\":\"t\",\"ingestedAt\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8),
                RejectReason.BAD_DATE);
    }

    @Test
    void shouldRefuseAValueFarOverTheCapWithoutParsingIt() {
        byte[] huge = new byte[6 * 1_000 + 64 * 1024 + 1];
        assertReason(huge, RejectReason.TOO_LARGE);
    }

    private void assertReason(byte[] bytes, RejectReason reason) {
        assertThatThrownBy(() -> deserializer.deserialize("raw", bytes))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
