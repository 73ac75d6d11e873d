package io.newswire.streams.testing;

import io.newswire.streams.NewsTopology;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The newswire topology in Kafka's {@link TopologyTestDriver}, with the application's own settings
 * (exactly-once, the dead-letter handlers and topic, the size limits) as in production.
 */
public final class TopologyDrivers {

    private TopologyDrivers() {
    }

    /** The application's settings for a driver: {@code applicationId}, state under {@code stateDir}. */
    public static Properties settings(TopologyConfig config, String applicationId, Path stateDir) {
        Properties client = new Properties();
        client.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        // Never contacted: the driver runs the topology without a broker.
        client.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return StreamsApp.streamsConfig(client, stateDir, config.topics().dlq().name());
    }

    /** A driver of {@link NewsTopology#build(TopologyConfig)} whose wall clock starts at {@code wallClock}. */
    public static TopologyTestDriver start(TopologyConfig config, String applicationId, Path stateDir,
                                           Instant wallClock) {
        return new TopologyTestDriver(NewsTopology.build(config), settings(config, applicationId, stateDir),
                wallClock);
    }
}
