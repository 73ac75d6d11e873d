package io.newswire.app.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What Kafka's {@code kafka-streams-application-reset} tool does, for one application id, with the Admin
 * API: refuses while instances run, then deletes the application's committed offsets (its consumer group)
 * and its internal topics (repartition and changelog), so the next start reads its input from the beginning
 * with empty state. Deletes nothing else.
 */
public final class StreamsReset {

    private static final Duration TOPIC_DELETION_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public StreamsReset(Admin admin) {
        this.admin = admin;
    }

    /** Fails with one clear line when a member of {@code groupId} is still running. */
    public void requireStopped(String groupId, String whatRunsIt) {
        int members = members(groupId);
        if (members > 0) {
            throw new IllegalStateException("stop " + whatRunsIt + " first: group " + groupId + " still has "
                    + members + " running member(s)");
        }
    }

    /** Deletes the group's offsets and the application's internal topics; returns the topics deleted. */
    public List<String> reset(String applicationId) throws InterruptedException {
        try {
            try {
                admin.deleteConsumerGroups(List.of(applicationId)).all().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            List<String> internal = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(applicationId + "-")
                            && (name.endsWith("-repartition") || name.endsWith("-changelog")))
                    .sorted().toList();
            if (!internal.isEmpty()) {
                admin.deleteTopics(internal).all().get(15, TimeUnit.SECONDS);
                awaitGone(internal);
            }
            return internal;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reset Streams application " + applicationId + ": "
                    + e.getMessage(), e);
        }
    }

    /** The sum of the offsets {@code groupId} has committed on {@code topic}: how far it has read. */
    public long committed(String groupId, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private int members(String groupId) {
        try {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(15, TimeUnit.SECONDS);
            return groups.values().stream().mapToInt(g -> g.members().size()).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw new IllegalStateException("cannot describe group " + groupId + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot describe group " + groupId + ": timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitGone(Collection<String> topics) throws InterruptedException, ExecutionException,
            TimeoutException {
        long deadline = System.nanoTime() + TOPIC_DELETION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> names = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (topics.stream().noneMatch(names::contains)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("internal topics " + topics + " were not deleted within "
                + TOPIC_DELETION_TIMEOUT.toSeconds() + " s");
    }
}
