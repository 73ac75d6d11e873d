package io.newswire.streams.aggregation;

import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
 */
public final class TopicDayCounter implements Processor<String, TaggedArticle, String, TopicDaySummary> {

    private final String storeName;
    private ProcessorContext<String, TopicDaySummary> context;
    private KeyValueStore<String, TopicDayAggregate> aggregates;
    /** True when the store's cache publishes the summaries as it writes the aggregates through. */
    private boolean summariesOnFlush;

    public TopicDayCounter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, TopicDaySummary> context) {
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
            TopicDayAggregate current = aggregates.get(topicDay);
            TopicDayAggregate updated = (current == null ? TopicDayAggregate.empty() : current).add(contribution);
            aggregates.put(topicDay, updated);
            if (!summariesOnFlush) {
                context.forward(record.withKey(topicDay).withValue(updated.toSummary(topic.id(), article.day())));
            }
        }
    }
}
