package io.newswire.testsupport;

import java.util.Properties;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-JVM cluster of one test class, started before its first test (and before its {@code @BeforeAll}
 * methods) and stopped after its last:
 * <pre>{@code @RegisterExtension static final SharedKafka KAFKA = SharedKafka.withBrokers(1);}</pre>
 * Tests of the class share the cluster and keep apart by their names ({@link #isolatedConfig}).
 */
public final class SharedKafka implements BeforeAllCallback, AfterAllCallback {

    private final int brokers;
    private final boolean forFailover;
    private InJvmKafka kafka;

    private SharedKafka(int brokers, boolean forFailover) {
        this.brokers = brokers;
        this.forFailover = forFailover;
    }

    /** {@link InJvmKafka#start}: brokers combined with the controller. */
    public static SharedKafka withBrokers(int brokers) {
        return new SharedKafka(brokers, false);
    }

    /** {@link InJvmKafka#startForFailover}: a cluster whose brokers a test may stop. */
    public static SharedKafka forFailover(int brokers) {
        return new SharedKafka(brokers, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka = forFailover ? InJvmKafka.startForFailover(brokers) : InJvmKafka.start(brokers);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    public String bootstrapServers() {
        return running().bootstrapServers();
    }

    /** Client settings for this cluster. */
    public Properties clientConfig() {
        return running().clientConfig();
    }

    /** Client settings with the names of a new test run ({@link TestNames#unique}). */
    public Properties isolatedConfig(String label) {
        return running().isolatedConfig(label);
    }

    /** Kafka's test kit, to stop and start brokers. */
    public KafkaClusterTestKit cluster() {
        return running().cluster();
    }

    private InJvmKafka running() {
        if (kafka == null) {
            throw new IllegalStateException("the cluster runs only while the test class runs");
        }
        return kafka;
    }
}
