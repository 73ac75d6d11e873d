package io.newswire.streams.aggregation;

import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts each counted article into the aggregate of every (topic, day) it is tagged with and forwards that
 * topic-day's full current summary, keyed {@code <topic>|<day>}: when the store's cache writes the aggregate
 * through (at the latest before each commit, see {@link SummariesOnCacheFlush}), or at each update where the
 * store has no cache.
 *
 * <p>It runs in the de-duplication task: every counted article already passes through that one partition, so
 * one task sees every topic-day and no repartition is needed to give each topic-day a single counter. The
 * aggregate store, its changelog, the summaries and the input offsets are committed in the task's one
 * transaction: after a crash the store is restored to the last commit and the articles after it are counted
 * again, exactly once.
 *
 * <p>It keeps the aggregates it last wrote (a bounded, least-recently-used map) so that the next article of
 * the same topic-day does not read and decode them back from the store. The store stays the only source of
 * truth: this map holds exactly the values this instance put into it since {@link #init}, and Kafka Streams
 * calls {@link #init} again before a task processes anything after its state may have changed under it (a
 * task closed dirty after an aborted transaction and revived, restored or resumed goes through
 * {@code StreamTask.completeRestoration}, which initialises every processor of the task again), so a value
 * the store no longer holds is never served.
 */
public final class TopicDayCounter implements Processor<String, TaggedArticle, String, TopicDaySummary> {

    /**
     * Topic-days whose aggregate is kept decoded: the topic-days of the last few days of articles (a day is a
     * few hundred topics), at a few KB of heap each.
     */
    static final int DECODED_AGGREGATES = 2_048;

    private final String storeName;
    /** The aggregates this instance put into the store since {@link #init}, by topic-day. */
    private final Map<String, TopicDayAggregate> lastWritten = new LinkedHashMap<>(DECODED_AGGREGATES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TopicDayAggregate> eldest) {
            return size() > DECODED_AGGREGATES;
        }
    };
    private ProcessorContext<String, TopicDaySummary> context;
    private KeyValueStore<String, TopicDayAggregate> aggregates;
    /** True when the store's cache publishes the summaries as it writes the aggregates through. */
    private boolean summariesOnFlush;

    public TopicDayCounter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, TopicDaySummary> context) {
        lastWritten.clear();
        this.context = context;
        this.aggregates = context.getStateStore(storeName);
        this.summariesOnFlush = SummariesOnCacheFlush.attach(aggregates, context);
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
            TopicDayAggregate current = lastWritten.get(topicDay);
            if (current == null) {
                current = aggregates.get(topicDay);
            }
            TopicDayAggregate updated = (current == null ? TopicDayAggregate.empty() : current).add(contribution);
            // Remembered only once the store took it: a put that throws leaves the map as the store.
            lastWritten.remove(topicDay);
            aggregates.put(topicDay, updated);
            lastWritten.put(topicDay, updated);
            if (!summariesOnFlush) {
                context.forward(record.withKey(topicDay).withValue(updated.toSummary(topic.id(), article.day())));
            }
        }
    }

    @Override
    public void close() {
        lastWritten.clear();
    }
}
