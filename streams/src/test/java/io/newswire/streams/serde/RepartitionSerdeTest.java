package io.newswire.streams.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.common.JsonSerde;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class RepartitionSerdeTest {

    private static final Serializer<TaggedArticle> JSON = new JsonSerde<>(TaggedArticle.class).serializer();

    /** Many entities: their repeated field names are where JSON is largest against Smile. */
    private static TaggedArticle tagged(String body, int entities) {
        Article article = Article.create("seed", "https://example.org/news/1", "Troops move \"north\"", body,
                Instant.parse("2026-11-02T10:15:30.123456789Z"), Instant.parse("2026-11-02T10:16:00.5Z"), "en");
        List<EntityMention> mentions = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            mentions.add(new EntityMention("e" + i, "E" + i, "person", 1));
        }
        Tags tags = new Tags(List.of(new TopicScore("troop-deployments", 4.5)), mentions, List.of("troops"),
                List.of(), null);
        return TaggedArticle.of(article, "2026-11-02", "published", tags);
    }

    @Test
    void shouldWriteSmileThatReadsBackAsTheSameRecordAndIsSmallerThanItsJson() {
        RepartitionSerde<TaggedArticle> serde = new RepartitionSerde<>(TaggedArticle.class, JSON, 1_000_000);
        TaggedArticle article = tagged("Body with ünïcödé, a tab\tand\nlines.", 40);

        byte[] bytes = serde.serializer().serialize("t", article);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article);
        assertThat(bytes.length).isLessThan(JSON.serialize("t", article).length);
    }

    @Test
    void shouldRefuseARecordWhoseJsonIsOverTheLimitThoughItsSmileIsUnder() {
        TaggedArticle article = tagged("\u0001".repeat(2_000), 200);
        int json = JSON.serialize("t", article).length;
        RepartitionSerde<TaggedArticle> serde = new RepartitionSerde<>(TaggedArticle.class, JSON, json - 1);

        assertThat(new InternalSerde<>(TaggedArticle.class).serializer().serialize("t", article).length)
                .isLessThan(json - 1);
        assertThatThrownBy(() -> serde.serializer().serialize("t", article))
                .isInstanceOf(RecordTooLargeException.class)
                .hasMessageContaining(json + " bytes (as JSON)");
    }

    @Test
    void shouldTakeARecordWhoseJsonIsJustUnderTheLimit() {
        TaggedArticle article = tagged("\u0001".repeat(2_000), 200);
        int json = JSON.serialize("t", article).length;
        RepartitionSerde<TaggedArticle> serde = new RepartitionSerde<>(TaggedArticle.class, JSON, json);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", article))).isEqualTo(article);
    }

    @Test
    void shouldBoundJsonBySmileWithRoomToSpareEvenForTheWorstRecords() {
        InternalSerde<TaggedArticle> smile = new InternalSerde<>(TaggedArticle.class);
        for (TaggedArticle article : List.of(tagged("\u0001".repeat(2_000), 0), tagged("", 500), tagged("x", 0))) {
            double ratio = (double) JSON.serialize("t", article).length / smile.serializer().serialize("t", article).length;
            assertThat(ratio).isLessThan(RepartitionSerde.JSON_PER_SMILE_BYTE / 2.0);
        }
    }
}
