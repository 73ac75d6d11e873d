package io.newswire.streams.aggregation;

import io.newswire.common.TopicDaySummary;
import org.apache.kafka.streams.kstream.internals.Change;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Publishes a topic-day's summary when the aggregate store's cache writes the aggregate through, instead of
 * once per counted article and topic: a topic-day that five articles updated between two commits is published
 * once, with its latest value (the topic carries full values, not deltas). This is what Kafka Streams does for
 * the aggregations of its DSL (a cached {@code KTable} forwards on flush), with the same internal hook: the
 * cache is flushed before every commit and when it evicts, so each summary is sent in the transaction that
 * commits its aggregate, and exactly-once holds as before.
 *
 * <p>Kafka Streams has no public API for this; {@link #attach} returns false (and the counter forwards each
 * update itself) when the store or the context is not the one this hook knows, or the store has no cache.
 */
final class SummariesOnCacheFlush implements CacheFlushListener<String, TopicDayAggregate> {

    private final InternalProcessorContext<String, TopicDaySummary> context;
    /** The counter's node: the cache flushes outside of any processor's {@code process}, so it is set back. */
    private final ProcessorNode<?, ?, ?, ?> counter;

    private SummariesOnCacheFlush(InternalProcessorContext<String, TopicDaySummary> context) {
        this.context = context;
        this.counter = context.currentNode();
    }

    /** Hooks the summaries to the store's cache; false when it cannot (then the caller forwards each update). */
    @SuppressWarnings("unchecked")
    static boolean attach(KeyValueStore<String, TopicDayAggregate> store, ProcessorContext<String, TopicDaySummary> context) {
        if (!(store instanceof WrappedStateStore<?, ?, ?> wrapped)
                || !(context instanceof InternalProcessorContext<?, ?> internal)
                || internal.currentNode() == null) {
            return false;
        }
        return ((WrappedStateStore<?, String, TopicDayAggregate>) wrapped).setFlushListener(
                new SummariesOnCacheFlush((InternalProcessorContext<String, TopicDaySummary>) internal), false);
    }

    @Override
    public void apply(Record<String, Change<TopicDayAggregate>> record) {
        TopicDayAggregate aggregate = record.value().newValue;
        int bar = record.key().lastIndexOf('|');
        if (aggregate == null || bar < 0) {
            return;
        }
        ProcessorNode<?, ?, ?, ?> previous = context.currentNode();
        context.setCurrentNode(counter);
        try {
            context.forward(record.withValue(aggregate.toSummary(record.key().substring(0, bar),
                    record.key().substring(bar + 1))));
        } finally {
            context.setCurrentNode(previous);
        }
    }
}
