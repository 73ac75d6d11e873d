package io.newswire.streams;

import io.newswire.common.KafkaClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises {@code max.message.bytes} of existing topics that are below newswire's limit. Kafka Streams creates
 * its internal topics with the limit of {@code topic.max.message.bytes}, but one created by an older version
 * (on a data directory or cluster used before) keeps the broker default of 1 MiB, and a record the broker
 * refuses aborts the exactly-once transaction, again and again. Best effort: without the right to alter
 * configs it logs why and leaves the topics as they are.
 */
public final class TopicLimits {

    private static final Logger LOG = LoggerFactory.getLogger(TopicLimits.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TopicLimits() {
    }

    /** The topics of {@code names} that exist and were raised to {@code maxMessageBytes}. */
    public static List<String> raise(Admin admin, Collection<String> names, int maxMessageBytes) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<ConfigResource> resources = names.stream().filter(existing::contains)
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            if (resources.isEmpty()) {
                return List.of();
            }
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> raise = new HashMap<>();
            List<String> raised = new ArrayList<>();
            configs.forEach((resource, config) -> {
                ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null && Long.parseLong(entry.value()) < maxMessageBytes) {
                    raise.put(resource, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            String.valueOf(maxMessageBytes)), AlterConfigOp.OpType.SET)));
                    raised.add(resource.name());
                }
            });
            if (!raise.isEmpty()) {
                admin.incrementalAlterConfigs(raise).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("raised max.message.bytes to {} on {}", maxMessageBytes, raised);
            }
            return raised;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("cannot check or raise max.message.bytes of {}: {}", names, e.getCause() == null ? e : e.getCause());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** {@link #raise(Admin, Collection, int)} with an admin client of its own. */
    public static List<String> raise(Properties clientConfig, Collection<String> names, int maxMessageBytes) {
        Properties props = new Properties();
        KafkaClientConfig.copy(clientConfig).forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key.toString())) {
                props.put(key, value);
            }
        });
        try (Admin admin = Admin.create(props)) {
            return raise(admin, names, maxMessageBytes);
        }
    }
}
