package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.app.broker.EmbeddedBroker;
import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Only the embedded broker, for running the parts by hand or pointing other tools (kcat) at it. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run only the embedded Kafka broker (KRaft), with newswire's topics, until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "9092", description = "client port (default ${DEFAULT-VALUE}); the controller uses the next one")
    int kafkaPort;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of each topic it creates (default ${DEFAULT-VALUE})")
    int partitions;

    @Override
    public Integer call() throws Exception {
        StopSignal stop = StopSignal.onCtrlC();
        try (EmbeddedBroker broker = new EmbeddedBroker(AppPaths.kafkaDir(), kafkaPort)) {
            broker.start();
            try (KafkaAdmin admin = new KafkaAdmin(KafkaClientConfig.load(broker.bootstrapServers(), null))) {
                admin.awaitReachable(Duration.ofSeconds(30));
                admin.createMissingTopics(Topics.defaults().names(), partitions);
            }
            System.out.printf("Kafka broker running at %s (data in %s) — press Ctrl-C to stop%n",
                    broker.bootstrapServers(), AppPaths.kafkaDir());
            stop.await();
            System.out.println("stopping …");
        } finally {
            stop.done();
        }
        return 0;
    }
}
