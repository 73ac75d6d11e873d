package io.newswire.consumer.sink;

import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What one poll brought: the rows to upsert and, per partition, the offset to resume from. They are
 * written in one transaction, so the rows and the progress can never disagree.
 *
 * @param nextOffsets per partition, the offset of the next record to read
 * @param previousOffsets null to write whatever the sink holds; else, per partition of {@code nextOffsets},
 *     the offset the sink held when this consumer read the batch (no entry: it held none). The sink then
 *     refuses the batch with {@link SinkConflictException} when another consumer has written one of those
 *     partitions since: a consumer that lost its partitions without noticing must not write stale rows.
 */
public record SinkBatch(Collection<TopicDaySummary> summaries, Collection<TaggedArticle> articles,
                        Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, Long> previousOffsets) {

    public SinkBatch {
        summaries = List.copyOf(summaries);
        articles = List.copyOf(articles);
        nextOffsets = Map.copyOf(nextOffsets);
        previousOffsets = previousOffsets == null ? null : Map.copyOf(previousOffsets);
    }

    /** A batch written whatever the sink holds. */
    public SinkBatch(Collection<TopicDaySummary> summaries, Collection<TaggedArticle> articles,
                     Map<TopicPartition, Long> nextOffsets) {
        this(summaries, articles, nextOffsets, null);
    }

    public boolean isEmpty() {
        return summaries.isEmpty() && articles.isEmpty() && nextOffsets.isEmpty();
    }
}
