package io.newswire.consumer.sink;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The sink refused a batch because another consumer has written some of its partitions since this one read
 * them: this consumer lost those partitions in a rebalance it has not seen yet. Nothing of the batch was written.
 */
public final class SinkConflictException extends RuntimeException {

    private final Set<TopicPartition> partitions;

    public SinkConflictException(Set<TopicPartition> partitions) {
        super("partitions " + partitions + " were written by another consumer since this one read them");
        this.partitions = Set.copyOf(partitions);
    }

    public Set<TopicPartition> partitions() {
        return partitions;
    }
}
