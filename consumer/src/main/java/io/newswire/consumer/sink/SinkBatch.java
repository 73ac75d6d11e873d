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
 */
public record SinkBatch(Collection<TopicDaySummary> summaries, Collection<TaggedArticle> articles,
                        Map<TopicPartition, Long> nextOffsets) {

    public SinkBatch {
        summaries = List.copyOf(summaries);
        articles = List.copyOf(articles);
        nextOffsets = Map.copyOf(nextOffsets);
    }

    public boolean isEmpty() {
        return summaries.isEmpty() && articles.isEmpty() && nextOffsets.isEmpty();
    }
}
