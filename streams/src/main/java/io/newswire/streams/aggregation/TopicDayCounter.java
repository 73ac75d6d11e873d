package io.newswire.streams.aggregation;

import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts each counted article into the aggregate of every (topic, day) it is tagged with, marks that
 * topic-day unpublished, and on a wall-clock punctuation forwards the full current summary of each unpublished
 * topic-day once, keyed {@code <topic>|<day>}: a topic-day that five articles updated since the last
 * punctuation is published once, with its latest value (the topic carries full values, not deltas).
 *
 * <p>The unpublished marks are a logged state store, not a set in memory, because a commit does not wait for
 * the punctuation: the stream thread processes records, runs the punctuators that are due, then commits if
 * the commit interval has passed, on two independent clocks, and it also commits when a task is revoked or
 * closed, without punctuating. So a commit can hold an aggregate whose summary is not sent yet. Were the marks
 * in memory, a crash (or the task moving to another instance) after that commit would lose them while the
 * input offsets are committed: the articles are not counted again and the summary would never be sent. As a
 * store, the marks are committed in the same transaction as the aggregates and the input offsets; after a
 * crash both are restored to the last commit, the articles after it are counted again (re-marking their
 * topic-days), and the first punctuation publishes every topic-day marked at that commit. A punctuation that
 * is cut off by a crash is undone with its transaction: its summaries are never read (read_committed) and its
 * marks come back with the restore.
 *
 * <p>It runs in the de-duplication task: every counted article already passes through that one partition, so
 * one task sees every topic-day and no repartition is needed to give each topic-day a single counter.
 */
public final class TopicDayCounter implements Processor<String, TaggedArticle, String, TopicDaySummary> {

    /** The EOS default of {@code commit.interval.ms}, for a context that does not say (it always does at run time). */
    private static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    private final String aggregateStoreName;
    private final String unpublishedStoreName;
    private ProcessorContext<String, TopicDaySummary> context;
    private KeyValueStore<String, TopicDayAggregate> aggregates;
    /** Topic-days changed since their summary was last forwarded, with the timestamp of their latest update. */
    private KeyValueStore<String, Long> unpublished;

    public TopicDayCounter(String aggregateStoreName, String unpublishedStoreName) {
        this.aggregateStoreName = aggregateStoreName;
        this.unpublishedStoreName = unpublishedStoreName;
    }

    @Override
    public void init(ProcessorContext<String, TopicDaySummary> context) {
        this.context = context;
        this.aggregates = context.getStateStore(aggregateStoreName);
        this.unpublished = context.getStateStore(unpublishedStoreName);
        // Every commit interval: under exactly-once a summary becomes visible only when the transaction that
        // carries it commits, so publishing more often than the commits only sends superseded values, and less
        // often delays every summary by more than a commit. On wall-clock time, not stream time, so that the
        // last updates are published even when no article follows them.
        context.schedule(punctuationInterval(context), PunctuationType.WALL_CLOCK_TIME, now -> publishUnpublished());
    }

    static Duration punctuationInterval(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        long millis = configured == null ? DEFAULT_COMMIT_INTERVAL.toMillis() : Long.parseLong(configured.toString());
        return Duration.ofMillis(Math.max(1, millis));
    }

    @Override
    public void process(Record<String, TaggedArticle> record) {
        TaggedArticle article = record.value();
        if (article == null || article.topics().isEmpty()) {
            return;
        }
        ArticleContribution contribution = ArticleContribution.of(article);
        for (TopicScore topic : article.topics()) {
            String topicDay = TopicDaySummary.key(topic.id(), article.day());
            TopicDayAggregate current = aggregates.get(topicDay);
            TopicDayAggregate updated = (current == null ? TopicDayAggregate.empty() : current).add(contribution);
            aggregates.put(topicDay, updated);
            unpublished.put(topicDay, record.timestamp());
        }
    }

    /** Forwards the current summary of every unpublished topic-day once, then clears their marks. */
    private void publishUnpublished() {
        List<KeyValue<String, Long>> marked = new ArrayList<>();
        try (KeyValueIterator<String, Long> entries = unpublished.all()) {
            entries.forEachRemaining(marked::add);
        }
        for (KeyValue<String, Long> entry : marked) {
            TopicDayAggregate aggregate = aggregates.get(entry.key);
            int bar = entry.key.lastIndexOf('|');
            if (aggregate != null && bar >= 0) {
                context.forward(new Record<>(entry.key, aggregate.toSummary(entry.key.substring(0, bar),
                        entry.key.substring(bar + 1)), entry.value));
            }
            unpublished.delete(entry.key);
        }
    }
}
