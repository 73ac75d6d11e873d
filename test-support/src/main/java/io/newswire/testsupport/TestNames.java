package io.newswire.testsupport;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The names of one test run, unique on a shared cluster: its four topics, its Streams application id and its
 * sink consumer group, all starting with {@link #run()} ({@code <label>-<8 hex digits>}). Tests that share a
 * cluster never see each other's records, offsets or state.
 */
public record TestNames(String run) {

    /** New names, with {@code label} first so the log says which test a name belongs to. */
    public static TestNames unique(String label) {
        return new TestNames(label + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String raw() {
        return run + ".raw";
    }

    public String tagged() {
        return run + ".tagged";
    }

    public String topicDaily() {
        return run + ".topic-daily";
    }

    public String dlq() {
        return run + ".dlq";
    }

    public String applicationId() {
        return run + "-streams";
    }

    public String sinkGroup() {
        return run + "-sink";
    }

    /** Client settings for {@code bootstrapServers} with these names (newswire's own keys and Kafka's). */
    public Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put("newswire.topic.raw", raw());
        config.put("newswire.topic.tagged", tagged());
        config.put("newswire.topic.topic-daily", topicDaily());
        config.put("newswire.topic.dlq", dlq());
        config.put("application.id", applicationId());
        config.put(CommonClientConfigs.GROUP_ID_CONFIG, sinkGroup());
        return config;
    }
}
