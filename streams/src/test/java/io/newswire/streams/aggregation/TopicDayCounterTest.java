package io.newswire.streams.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import io.newswire.streams.serde.InternalSerde;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The counter where it cannot hook the store's cache (Kafka's mock context, a store without a cache): it
 * forwards each update itself. With Kafka Streams' own context and the cached store of the topology, the
 * summaries go out on the cache's flush instead (NewsTopologyTest, FaultToleranceIT).
 */
class TopicDayCounterTest {

    static TaggedArticle article(String title, String... topics) {
        Article article = Article.create("seed", null, title, "Body of " + title, null,
                Instant.parse("2026-11-02T10:00:00Z"), "en");
        List<TopicScore> scores = Arrays.stream(topics).map(topic -> new TopicScore(topic, 1.0)).toList();
        return TaggedArticle.of(article, "2026-11-02", "ingested",
                new Tags(scores, List.of(), List.of(), List.of(), null));
    }

    private static KeyValueStore<String, TopicDayAggregate> store(MockProcessorContext<String, TopicDaySummary> context,
                                                                  Serde<TopicDayAggregate> serde) {
        KeyValueStore<String, TopicDayAggregate> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("counts"), Serdes.String(), serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    @Test
    void shouldForwardEveryUpdateItselfWhereTheStoreCacheCannotBeHooked() {
        MockProcessorContext<String, TopicDaySummary> context = new MockProcessorContext<>();
        store(context, new InternalSerde<>(TopicDayAggregate.class));
        TopicDayCounter counter = new TopicDayCounter("counts");
        counter.init(context);

        counter.process(new Record<>("a", article("First", "nato", "russia"), 0L));
        counter.process(new Record<>("b", article("Second", "nato"), 0L));

        List<String> keys = context.forwarded().stream().map(forward -> (String) forward.record().key()).toList();
        assertThat(keys).containsExactly("nato|2026-11-02", "russia|2026-11-02", "nato|2026-11-02");
        CapturedForward<? extends String, ? extends TopicDaySummary> last = context.forwarded().get(2);
        assertThat(last.record().value().articleCount()).isEqualTo(2);
    }

    @Test
    void shouldNotReadBackTheAggregatesItWrote() {
        MockProcessorContext<String, TopicDaySummary> context = new MockProcessorContext<>();
        TopicDayAggregateSerde serde = new TopicDayAggregateSerde();
        AtomicInteger decoded = new AtomicInteger();
        KeyValueStore<String, TopicDayAggregate> store = store(context, Serdes.serdeFrom(serde.serializer(),
                (topic, data) -> {
                    decoded.incrementAndGet();
                    return serde.deserializer().deserialize(topic, data);
                }));
        TopicDayCounter counter = new TopicDayCounter("counts");
        counter.init(context);

        for (int i = 0; i < 5; i++) {
            counter.process(new Record<>("a" + i, article("Title " + i, "nato", "russia"), 0L));
        }

        assertThat(decoded).hasValue(0);
        assertThat(store.get("nato|2026-11-02").articleCount()).isEqualTo(5);
        assertThat(context.forwarded().get(9).record().value().articleCount()).isEqualTo(5);
    }

    @Test
    void shouldReadTheStoreAgainOnceInitialisedAgain() {
        MockProcessorContext<String, TopicDaySummary> context = new MockProcessorContext<>();
        KeyValueStore<String, TopicDayAggregate> store = store(context, new TopicDayAggregateSerde());
        TopicDayCounter counter = new TopicDayCounter("counts");
        counter.init(context);
        counter.process(new Record<>("a", article("First", "nato"), 0L));
        // As a task revived after an aborted transaction finds it: its store restored to the last commit.
        TopicDayAggregate committed = new TopicDayAggregate(41, Set.of(), Map.of(), List.of(), null, null, List.of());
        store.put("nato|2026-11-02", committed);

        counter.init(context);
        counter.process(new Record<>("b", article("Second", "nato"), 0L));

        assertThat(context.forwarded().get(1).record().value().articleCount()).isEqualTo(42);
        assertThat(store.get("nato|2026-11-02").articleCount()).isEqualTo(42);
    }
}
