package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The JSON of every record version stays readable: samples of version 1 are kept under samples/v1. */
class RecordSchemaTest {

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = RecordSchemaTest.class.getResourceAsStream("/samples/v1/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldReadTheVersion1Samples() throws IOException {
        Article article = Topics.ARTICLE_SERDE.deserializer().deserialize("t", sample("article.json"));
        TaggedArticle tagged = Topics.TAGGED_ARTICLE_SERDE.deserializer().deserialize("t", sample("tagged-article.json"));
        TopicDaySummary summary = Topics.SUMMARY_SERDE.deserializer().deserialize("t", sample("topic-day-summary.json"));

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-10-26T00:00:00Z"));
        assertThat(tagged.quantities()).containsExactly(new Quantity(12000, "troops", "12,000 DPRK troops"));
        assertThat(tagged.entities()).containsExactly(new EntityMention("north-korea", "DPRK", "country", 2));
        assertThat(summary.topEntities()).containsExactly(new TopicDaySummary.EntityCount("north-korea", 2));
        assertThat(summary.articleCount()).isEqualTo(2);
    }

    @Test
    void shouldRoundTripWithTheDesignFieldNames() {
        Article article = Article.create("http", "https://example.org/a", "T", "B", null,
                Instant.parse("2026-11-23T09:00:00Z"), "en");

        byte[] json = Topics.ARTICLE_SERDE.serializer().serialize("t", article);
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text).contains("\"id\":", "\"source\":\"http\"", "\"url\":", "\"title\":", "\"body\":",
                "\"publishedAt\":null", "\"ingestedAt\":\"2026-11-23T09:00:00Z\"", "\"language\":\"en\"",
                "\"schemaVersion\":1");
        assertThat(Topics.ARTICLE_SERDE.deserializer().deserialize("t", json)).isEqualTo(article);
    }

    @Test
    void shouldIgnoreUnknownFieldsAndDefaultMissingOnes() {
        String json = "{\"id\":\"x\",\"title\":\"T\",\"futureField\":{\"a\":1}}";

        TaggedArticle tagged = Topics.TAGGED_ARTICLE_SERDE.deserializer()
                .deserialize("t", json.getBytes(StandardCharsets.UTF_8));

        assertThat(tagged.schemaVersion()).isEqualTo(1);
        assertThat(tagged.topics()).isEmpty();
        assertThat(tagged.keyphrases()).isEmpty();
    }

    @Test
    void shouldRejectMalformedJsonWithASerializationException() {
        assertThatThrownBy(() -> Topics.ARTICLE_SERDE.deserializer()
                .deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a valid Article JSON");
    }

    @Test
    void shouldDeriveTheSameIdFromTheSameUrlOrText() {
        assertThat(ArticleIds.idFor("HTTPS://Example.org/a/#top", "x", "y"))
                .isEqualTo(ArticleIds.idFor("https://example.org/a", "other", "text"));
        assertThat(ArticleIds.idFor(null, "A  Title", "Body\ntext"))
                .isEqualTo(ArticleIds.idFor(null, "a title", "body text"))
                .isNotEqualTo(ArticleIds.idFor(null, "a title", "other body"));
    }
}
