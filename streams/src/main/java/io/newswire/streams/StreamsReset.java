package io.newswire.streams;

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
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * The broker side of Kafka's {@code kafka-streams-application-reset} tool (StreamsResetter), with the Admin
 * API: refuse while a member of the group runs, delete the application's committed offsets (its consumer
 * group, so that it reads its input from the beginning again) and its internal topics. The topics are the
 * ones {@link StreamsApp#internalTopics()} reads off the topology, not every topic whose name looks
 * internal. The local state is {@code KafkaStreams#cleanUp()}'s job ({@link StreamsApp#reset}).
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

    /** Deletes the group's offsets and those of {@code internalTopics} that exist; returns the ones deleted. */
    List<String> reset(String applicationId, Collection<String> internalTopics) throws InterruptedException {
        try {
            try {
                admin.deleteConsumerGroups(List.of(applicationId)).all().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<String> deleted = internalTopics.stream().filter(existing::contains).sorted().toList();
            if (!deleted.isEmpty()) {
                admin.deleteTopics(deleted).all().get(15, TimeUnit.SECONDS);
                awaitGone(deleted);
            }
            return deleted;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reset Streams application " + applicationId + ": "
                    + e.getMessage(), e);
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
