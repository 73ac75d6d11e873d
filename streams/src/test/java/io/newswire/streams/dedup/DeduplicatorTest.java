package io.newswire.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.testing.FixedKeyContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The de-duplication step alone, on Kafka's MockProcessorContext: repeats, near-duplicates, a restart. */
class DeduplicatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);
    /** The copy: the same story with the agency's name added (4 bits of 64 apart, within the distance of 6). */
    private static final String BODY = "North Korean troops have reached the Kursk region, according to Ukrainian"
            + " military intelligence, which said about eleven thousand soldiers were moved by train and then"
            + " by road to the border in the past week, ahead of an expected counter-offensive.";

    private final FixedKeyContext<String, Deduplicated> context = new FixedKeyContext<>();
    private Deduplicator deduplicator;

    @BeforeEach
    void initDeduplicator() {
        context.addStore(windowStore(Deduplicator.SEEN_IDS_STORE));
        context.addStore(windowStore(Deduplicator.FINGERPRINT_STORE));
        deduplicator = started();
    }

    private static WindowStore<String, String> windowStore(String name) {
        return Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, RETENTION, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
    }

    /** A new processor on the same stores: what a task does after a restart. */
    private Deduplicator started() {
        Deduplicator started = new Deduplicator(new SimHashBands(6), RETENTION);
        started.init(context);
        return started;
    }

    private static TaggedArticle tagged(String url, String body) {
        Article article = Article.create("http", url, "Troops reach Kursk", body, NOW, NOW, "en");
        return TaggedArticle.of(article, "2026-11-23", "published",
                Tags.topicsOnly(List.of(new TopicScore("troops", 1))));
    }

    private Deduplicated process(TaggedArticle article, Instant at) {
        context.resetForwards();
        deduplicator.process(FixedKeyContext.record(article.id(), article, at.toEpochMilli()));
        assertThat(context.forwardedValues()).as("one record out per record in").hasSize(1);
        return context.forwardedValues().get(0);
    }

    @Test
    void shouldCountTheFirstSightingOfAStory() {
        TaggedArticle first = tagged("https://example.org/1", BODY);

        assertThat(process(first, NOW)).isEqualTo(new Deduplicated(first, true));
    }

    @Test
    void shouldPassAReplayedArticleOnAsBeforeWithoutCountingItAgain() {
        TaggedArticle first = tagged("https://example.org/1", BODY);
        process(first, NOW);

        assertThat(process(first, NOW.plusSeconds(60))).isEqualTo(new Deduplicated(first, false));
    }

    @Test
    void shouldLinkANearDuplicateToItsOriginal() {
        TaggedArticle original = tagged("https://example.org/1", BODY);
        TaggedArticle copy = tagged("https://example.org/copy", BODY + " (AFP)");
        process(original, NOW);

        Deduplicated result = process(copy, NOW.plusSeconds(60));

        assertThat(result.counts()).isFalse();
        assertThat(result.article().duplicateOf()).isEqualTo(original.id());
        assertThat(process(copy, NOW.plusSeconds(120)).article().duplicateOf()).as("the copy replayed")
                .isEqualTo(original.id());
    }

    @Test
    void shouldCountADifferentStory() {
        process(tagged("https://example.org/1", BODY), NOW);
        TaggedArticle other = tagged("https://example.org/2", "Parliament passed the budget after a night of"
                + " debate; the opposition walked out before the final vote on the pension reform.");

        assertThat(process(other, NOW.plusSeconds(60)).counts()).isTrue();
    }

    @Test
    void shouldStillKnowTheOriginalAfterARestart() {
        TaggedArticle original = tagged("https://example.org/1", BODY);
        process(original, NOW);

        deduplicator = started();
        Deduplicated copy = process(tagged("https://example.org/copy", BODY + " (AFP)"),
                NOW.plusSeconds(60));

        assertThat(copy.counts()).isFalse();
        assertThat(copy.article().duplicateOf()).isEqualTo(original.id());
    }
}
