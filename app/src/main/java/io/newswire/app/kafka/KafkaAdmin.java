package io.newswire.app.kafka;

import io.newswire.common.KafkaClientConfig;
import io.newswire.common.TopicSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;

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
        try {
            this.admin = Admin.create(props);
        } catch (KafkaException e) {
            // Settings Kafka refuses (no JAAS login for SASL, an unreadable truststore): say which, in one line.
            throw new IllegalArgumentException("invalid Kafka client settings for " + bootstrapServers + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Wrong credentials or certificates never get better by waiting: fail at once with Kafka's reason. */
    private KafkaUnreachableException ifRefused(ExecutionException e) {
        if (e.getCause() instanceof AuthenticationException refused) {
            gaveUp = true;
            return new KafkaUnreachableException("Kafka at " + bootstrapServers + " refused this client: "
                    + refused.getMessage(), refused);
        }
        return null;
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
        } catch (ExecutionException e) {
            KafkaUnreachableException refused = ifRefused(e);
            throw refused != null ? refused : unreachable(timeout, e);
        } catch (TimeoutException e) {
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
            } catch (ExecutionException e) {
                KafkaUnreachableException refused = ifRefused(e);
                if (refused != null) {
                    throw refused;
                }
                if (!told) {
                    onFirstMiss.run();
                    told = true;
                }
            } catch (TimeoutException e) {
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
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
                for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                    if (createdNow(result.getValue())) {
                        created.add(result.getKey());
                    }
                }
            }
            return created;
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

    /**
     * Whether this call created the topic. Another newswire process starting at the same moment (streams and
     * consumer together, several instances) may create it between our listing and our request: the topic then
     * exists as wanted, which is no reason to fail.
     */
    private static boolean createdNow(KafkaFuture<Void> creation)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            creation.get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
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
