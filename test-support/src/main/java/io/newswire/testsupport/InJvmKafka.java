package io.newswire.testsupport;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real KRaft cluster inside the test JVM (Kafka's own KafkaClusterTestKit), on free ports. */
public final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts {@code brokers} brokers (combined with one controller) and waits until they are ready. */
    public static InJvmKafka start(int brokers) throws Exception {
        return start(brokers, true, Map.of());
    }

    /**
     * A cluster to break: {@code brokers} brokers beside a controller of its own (so that restarting a broker
     * leaves the controller running) and {@code min.insync.replicas=2}, so that an acknowledged record is on
     * two brokers and survives one of them going down.
     */
    public static InJvmKafka startForFailover(int brokers) throws Exception {
        return start(brokers, false, Map.of("min.insync.replicas", "2"));
    }

    private static InJvmKafka start(int brokers, boolean combined, Map<String, String> extra) throws Exception {
        int replication = Math.min(brokers, 3);
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(combined)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", String.valueOf(replication))
                .setConfigProp("transaction.state.log.replication.factor", String.valueOf(replication))
                .setConfigProp("transaction.state.log.min.isr", String.valueOf(Math.min(replication, 2)))
                .setConfigProp("default.replication.factor", String.valueOf(replication))
                .setConfigProp("group.initial.rebalance.delay.ms", "0");
        extra.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new InJvmKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Client settings for this cluster with the names of a new test run ({@link TestNames#unique}). */
    public Properties isolatedConfig(String label) {
        return TestNames.unique(label).config(bootstrapServers());
    }

    /** Client properties pointing at this cluster. */
    public Properties clientConfig() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    public KafkaClusterTestKit cluster() {
        return cluster;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
