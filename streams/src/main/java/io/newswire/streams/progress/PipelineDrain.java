package io.newswire.streams.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells whether a consumer has caught up: for every partition of its input topics, its committed
 * position has reached the last stable offset (committed transactions only). How the pieces add up to "the
 * pipeline is drained" is {@link io.newswire.streams.StreamsApp#drained}.
 */
public final class PipelineDrain {

    private final Admin admin;

    public PipelineDrain(Admin admin) {
        this.admin = admin;
    }

    /** True when {@code groupId} has committed everything currently stable on {@code topics}. */
    public boolean groupCaughtUp(String groupId, Collection<String> topics) {
        Map<TopicPartition, Long> ends = stableEndOffsets(topics);
        Map<TopicPartition, Long> committed = committedOffsets(groupId);
        return caughtUp(ends, committed::get);
    }

    /** True when the positions given by {@code positions} have reached the stable end of {@code topics}. */
    public boolean caughtUp(Collection<String> topics, Function<Collection<TopicPartition>, Map<TopicPartition, Long>> positions) {
        Map<TopicPartition, Long> ends = stableEndOffsets(topics);
        Map<TopicPartition, Long> known = positions.apply(ends.keySet());
        return caughtUp(ends, known::get);
    }

    private static boolean caughtUp(Map<TopicPartition, Long> ends, Function<TopicPartition, Long> position) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (end.getValue() == 0) {
                continue;
            }
            Long at = position.apply(end.getKey());
            // A transaction marker takes an offset of its own: being at or past the end is caught up.
            if (at == null || at < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when no transaction is open on {@code topics}: on every partition the last stable offset is the
     * log end. Until then the positions above can look caught up while records wait behind an open
     * transaction, for example one of a Streams instance that crashed, until the coordinator aborts it.
     */
    public boolean transactionsSettled(Collection<String> topics) {
        return stableEndOffsets(topics).equals(endOffsets(topics, IsolationLevel.READ_UNCOMMITTED));
    }

    /** The end of every partition of {@code topics}, committed transactions only. */
    public Map<TopicPartition, Long> stableEndOffsets(Collection<String> topics) {
        return endOffsets(topics, IsolationLevel.READ_COMMITTED);
    }

    private Map<TopicPartition, Long> endOffsets(Collection<String> topics, IsolationLevel isolation) {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS)
                    .values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, Long> result = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all()
                    .get(15, TimeUnit.SECONDS)
                    .forEach((tp, info) -> result.put(tp, info.offset()));
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read end offsets of " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The sum of the offsets {@code groupId} has committed on {@code topic}: how far it has read. */
    public long committed(String groupId, String topic) {
        return committedOffsets(groupId).entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private Map<TopicPartition, Long> committedOffsets(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((tp, om) -> {
                if (om != null) {
                    result.put(tp, om.offset());
                }
            });
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read offsets of group " + groupId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
