package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.app.DashboardService;
import io.newswire.app.ops.Health;
import io.newswire.app.ops.OpsServer;
import io.newswire.common.Topics;
import io.newswire.common.lifecycle.ServiceGroup;
import io.newswire.common.http.RequestGuard;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.dashboard.DashboardServer;
import io.newswire.consumer.sink.JdbcSink;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Only the sink consumer: topic-daily and tagged articles into SQLite or PostgreSQL. */
@Command(name = "consumer", mixinStandardHelpOptions = true,
        description = "Write daily summaries and articles to the sink until Ctrl-C.")
public final class ConsumerCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--sink", paramLabel = "PATH|JDBC-URL", description = "SQLite file or jdbc:postgresql://… (default: data/newswire.db)")
    String sink;

    @Option(names = "--http-port", paramLabel = "PORT", description = "also serve the dashboard on this port (e.g. 8080)")
    Integer httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "address the dashboard binds to (default ${DEFAULT-VALUE}: this machine only)")
    String httpHost;

    @Option(names = "--http-token", paramLabel = "TOKEN", description = "token every request must carry when bound"
            + " to an address other than loopback (default: $NEWSWIRE_HTTP_TOKEN, else a random one, printed)")
    String httpToken;

    @Override
    public Integer call() throws Exception {
        StopSignal stop = StopSignal.onCtrlC();
        try (OpsServer ops = metrics.start()) {
            Properties config = kafka.reachableClientConfig(System.out);
            String sinkUrl = sink != null ? sink : AppPaths.defaultSink();
            Topics topics = Topics.from(config);
            try (ServiceGroup services = new ServiceGroup(Duration.ofSeconds(60))) {
                // The sink first: opening it creates the tables the dashboard reads.
                JdbcSink jdbcSink = services.own(JdbcSink.open(sinkUrl));
                DashboardServer dashboard = httpPort == null ? null : new DashboardServer(sinkUrl, config, topics);
                if (dashboard != null) {
                    DashboardService served = services.start(new DashboardService(dashboard, httpHost, httpPort,
                            RequestGuard.token(httpToken)));
                    System.out.println(served.accessLine());
                }
                SummaryConsumer consumer = new SummaryConsumer(config, topics, jdbcSink,
                        dashboard == null ? batch -> { } : dashboard::afterWrite);
                ops.bind(consumer::metrics).check("consumer", () -> consumerHealth(consumer));
                services.start(consumer);
                System.out.println("consumer writing to " + JdbcSink.redacted(sinkUrl) + " — press Ctrl-C to stop");
                return stop.awaitStopOrFailure(services);
            }
        } finally {
            stop.done();
        }
    }

    /** Ready once it has joined its group and as long as it has not stopped on an error. */
    static Health consumerHealth(SummaryConsumer consumer) {
        if (consumer.failure() != null) {
            return Health.notReady("stopped: " + consumer.failure().getMessage());
        }
        return consumer.joined() ? Health.ready("joined the group, " + consumer.recordsWritten() + " records written")
                : Health.notReady("joining the group");
    }
}
