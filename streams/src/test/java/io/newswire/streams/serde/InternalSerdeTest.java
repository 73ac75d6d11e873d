package io.newswire.streams.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.common.JsonSerde;
import io.newswire.common.Quantity;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.aggregation.ArticleContribution;
import io.newswire.streams.aggregation.TopicDayAggregate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class InternalSerdeTest {

    private static TaggedArticle tagged() {
        Article article = Article.create("rss:https://feeds.example/world", "https://example.org/news/1",
                "North Korea sends \"troops\" — 11,000 of them", "Body with ünïcödé, a tab\tand\nlines.",
                Instant.parse("2026-11-02T10:15:30.123456789Z"), Instant.parse("2026-11-02T10:16:00.5Z"), "en");
        Tags tags = new Tags(List.of(new TopicScore("troop-deployments", 4.5)),
                List.of(new EntityMention("north-korea", "North Korea", "country", 3)), List.of("korean troops"),
                List.of(new Quantity(11000, "troops", "11,000 of them")), "desks-abc");
        return TaggedArticle.of(article, "2026-11-02", "published", tags).withDuplicateOf("earlier-id");
    }

    @Test
    void shouldGiveBackTheSameRecordToTheNanosecond() {
        InternalSerde<TaggedArticle> serde = new InternalSerde<>(TaggedArticle.class);
        TaggedArticle article = tagged();

        byte[] bytes = serde.serializer().serialize("t", article);

        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo(":)\n");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
    }

    @Test
    void shouldStillReadTheJsonAnOlderVersionWroteToInternalTopics() {
        InternalSerde<TaggedArticle> serde = new InternalSerde<>(TaggedArticle.class);
        TaggedArticle article = tagged();
        byte[] json = new JsonSerde<>(TaggedArticle.class).serializer().serialize("t", article);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(article);
    }

    @Test
    void shouldRoundTripTheAggregationRecords() {
        ArticleContribution contribution = new ArticleContribution("id-1", "seed", "A title", List.of("nato", "russia"),
                Instant.parse("2026-11-02T10:16:00Z"));
        TopicDayAggregate aggregate = TopicDayAggregate.empty().add(contribution);
        InternalSerde<ArticleContribution> contributions = new InternalSerde<>(ArticleContribution.class);
        InternalSerde<TopicDayAggregate> aggregates = new InternalSerde<>(TopicDayAggregate.class);

        assertThat(contributions.deserializer().deserialize("t", contributions.serializer().serialize("t", contribution)))
                .isEqualTo(contribution);
        assertThat(aggregates.deserializer().deserialize("t", aggregates.serializer().serialize("t", aggregate)))
                .isEqualTo(aggregate);
    }

    @Test
    void shouldRefuseBytesThatAreNeitherSmileNorJson() {
        InternalSerde<TaggedArticle> serde = new InternalSerde<>(TaggedArticle.class);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
    }
}
