package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.app.Components;
import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.app.ops.Health;
import io.newswire.app.ops.OpsServer;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.common.lifecycle.ServiceGroup;
import io.newswire.streams.StreamsApp;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Only the Streams application, against any cluster; run more instances to share the work. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams topology (raw → tagged → topic-daily) until Ctrl-C.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TaggerOptions tagger;

    @Mixin
    ModelOptions model;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--partitions", defaultValue = "3",
            description = "partitions of the newswire topics if they do not exist yet (default ${DEFAULT-VALUE})")
    int partitions;

    @Override
    public Integer call() throws Exception {
        StopSignal stop = StopSignal.onCtrlC();
        try (OpsServer ops = metrics.start()) {
            Properties config = kafka.reachableClientConfig(System.out);
            try (KafkaAdmin admin = new KafkaAdmin(config)) {
                // Streams needs its input topic to exist; creating the four is idempotent and saves a manual step.
                admin.createMissingTopics(Topics.from(config).names(), partitions);
            }
            try (ServiceGroup services = new ServiceGroup(Duration.ofSeconds(60))) {
                StreamsApp app = new StreamsApp(config, Components.withDesks(Components.topologyConfig(config, tagger),
                        model.model()), AppPaths.streamsStateDir());
                ops.bind(app::clientMetrics).check("streams", () -> app.state() == KafkaStreams.State.RUNNING
                        ? Health.ready("RUNNING") : Health.notReady(String.valueOf(app.state())));
                services.start(app);
                System.out.println("streams running against " + KafkaClientConfig.bootstrapServers(config) + " — press Ctrl-C to stop");
                return stop.awaitStopOrFailure(services);
            }
        } finally {
            stop.done();
        }
    }
}
