package io.newswire.app.kafka;

import io.newswire.common.KafkaClientConfig;
import io.newswire.common.TopicSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Cluster checks and topic creation, with timeouts that turn into one clear line. */
public final class KafkaAdmin implements AutoCloseable {

    private final Admin admin;
    private final String bootstrapServers;
    /** Set once the cluster did not answer: closing then waits for nothing, so the command fails in time. */
    private volatile boolean gaveUp;

    public KafkaAdmin(Properties clientConfig) {
        Properties props = KafkaClientConfig.copy(clientConfig);
        this.bootstrapServers = props.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        this.admin = Admin.create(props);
    }

    public Admin admin() {
        return admin;
    }

    /**
     * Waits up to {@code timeout} for the cluster to answer.
     *
     * @throws KafkaUnreachableException "cannot reach Kafka at … after N s"
     */
    public void awaitReachable(Duration timeout) {
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw unreachable(timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(timeout, e);
        }
    }

    /** Keeps trying (for {@code --wait}), telling the user once what it waits for. */
    public void awaitReachableForever(Runnable onFirstMiss) throws InterruptedException {
        boolean told = false;
        while (true) {
            try {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException | ExecutionException e) {
                if (!told) {
                    onFirstMiss.run();
                    told = true;
                }
            }
        }
    }

    /**
     * Creates the topics that do not exist yet, with the cluster's default replication factor and room for
     * records up to {@link TopicSettings#MAX_MESSAGE_BYTES}.
     */
    public List<String> createMissingTopics(List<String> names, int partitions) {
        try {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, Optional.of(partitions), Optional.empty())
                            .configs(TopicSettings.topicConfigs()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics at " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw unreachable(Duration.ofSeconds(15), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private KafkaUnreachableException unreachable(Duration timeout, Exception cause) {
        gaveUp = true;
        return new KafkaUnreachableException("cannot reach Kafka at " + bootstrapServers + " after "
                + timeout.toSeconds() + " s", cause);
    }

    @Override
    public void close() {
        // After a timeout the pending calls would only time out again: drop them rather than add 5 s.
        admin.close(gaveUp ? Duration.ZERO : Duration.ofSeconds(5));
    }
}
