package io.newswire.app.cli;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.common.KafkaClientConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import picocli.CommandLine.Option;

/** {@code --bootstrap-servers}, {@code --kafka-config} and {@code --wait}, on every command that talks to Kafka. */
public final class KafkaOptions {

    /** How long a command waits for an unreachable cluster before it fails with one line. */
    static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

    // No picocli default: a default here would always win over the file's bootstrap.servers.
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,…",
            description = "Kafka to use (default: bootstrap.servers of --kafka-config, else $"
                    + KafkaClientConfig.BOOTSTRAP_SERVERS_ENV + ", else " + KafkaClientConfig.DEFAULT_BOOTSTRAP_SERVERS + ")")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "client properties for your cluster: security.protocol, sasl.*, ssl.*, tuning")
    Path kafkaConfig;

    @Option(names = "--wait", description = "wait for Kafka to come up instead of failing after 10 s")
    boolean waitForKafka;

    public Properties clientConfig() {
        return KafkaClientConfig.load(bootstrapServers, kafkaConfig);
    }

    /** Fails within 10 s with one clear line when Kafka does not answer, or with --wait waits and says so. */
    public Properties reachableClientConfig(PrintStream out) throws InterruptedException {
        Properties config = clientConfig();
        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            if (waitForKafka) {
                admin.awaitReachableForever(() -> out.println("waiting for Kafka at "
                        + KafkaClientConfig.bootstrapServers(config) + " …"));
            } else {
                admin.awaitReachable(REACH_TIMEOUT);
            }
        }
        return config;
    }
}
