package io.newswire.consumer.sink;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Where daily summaries and articles end up. Writes are atomic with the consumer's progress. */
public interface Sink extends AutoCloseable {

    /** Upserts the batch's rows and stores its offsets, all in one transaction. */
    void write(SinkBatch batch);

    /** The offsets stored with the rows, to resume from, for the given partitions that have one. */
    Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions);

    @Override
    void close();
}
