package io.newswire.streams.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import io.newswire.streams.serde.InternalSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counter in Kafka's mock context: the summaries go out on its punctuation, once per changed topic-day.
 * Through the whole topology, with the application's settings: NewsTopologyTest, and across crashes
 * FaultToleranceIT.
 */
class TopicDayCounterTest {

    private MockProcessorContext<String, TopicDaySummary> context;
    private TopicDayCounter counter;

    private static TaggedArticle article(String title, String... topics) {
        Article article = Article.create("seed", null, title, "Body of " + title, null,
                Instant.parse("2026-11-02T10:00:00Z"), "en");
        List<TopicScore> scores = Arrays.stream(topics).map(topic -> new TopicScore(topic, 1.0)).toList();
        return TaggedArticle.of(article, "2026-11-02", "ingested",
                new Tags(scores, List.of(), List.of(), List.of(), null));
    }

    private <V> void addStore(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    @BeforeEach
    void start() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
        context = new MockProcessorContext<>(settings);
        addStore("counts", new InternalSerde<>(TopicDayAggregate.class));
        addStore("unpublished", Serdes.Long());
        counter = new TopicDayCounter("counts", "unpublished");
        counter.init(context);
    }

    private CapturedPunctuator punctuator() {
        assertThat(context.scheduledPunctuators()).hasSize(1);
        return context.scheduledPunctuators().get(0);
    }

    private Map<String, Long> forwardedCounts() {
        return context.forwarded().stream().collect(Collectors.toMap(forward -> forward.record().key(),
                forward -> forward.record().value().articleCount()));
    }

    @Test
    void shouldPunctuateOnWallClockTimeEveryCommitInterval() {
        assertThat(punctuator().getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        assertThat(punctuator().getInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void shouldForwardEachChangedTopicDayOnceWithItsLatestValueOnPunctuation() {
        counter.process(new Record<>("a", article("First", "nato", "russia"), 10L));
        counter.process(new Record<>("b", article("Second", "nato"), 20L));
        assertThat(context.forwarded()).as("nothing per update").isEmpty();

        punctuator().getPunctuator().punctuate(100L);

        assertThat(context.forwarded()).hasSize(2);
        assertThat(forwardedCounts()).containsExactlyInAnyOrderEntriesOf(
                Map.of("nato|2026-11-02", 2L, "russia|2026-11-02", 1L));
        assertThat(context.forwarded()).as("stamped with the latest update's time")
                .extracting(forward -> forward.record().timestamp()).containsExactlyInAnyOrder(20L, 10L);
    }

    @Test
    void shouldForwardOnlyTheTopicDaysChangedSinceTheLastPunctuation() {
        counter.process(new Record<>("a", article("First", "nato", "russia"), 10L));
        punctuator().getPunctuator().punctuate(100L);
        context.resetForwards();

        punctuator().getPunctuator().punctuate(200L);
        assertThat(context.forwarded()).as("nothing changed").isEmpty();

        counter.process(new Record<>("b", article("Second", "nato"), 20L));
        punctuator().getPunctuator().punctuate(300L);
        assertThat(forwardedCounts()).containsExactlyEntriesOf(Map.of("nato|2026-11-02", 2L));
    }
}
