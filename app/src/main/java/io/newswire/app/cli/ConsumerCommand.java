package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.common.Topics;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.dashboard.DashboardServer;
import io.newswire.consumer.sink.JdbcSink;
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

    @Option(names = "--sink", paramLabel = "PATH|JDBC-URL", description = "SQLite file or jdbc:postgresql://… (default: data/newswire.db)")
    String sink;

    @Option(names = "--http-port", paramLabel = "PORT", description = "also serve the dashboard on this port (e.g. 8080)")
    Integer httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "address the dashboard binds to (default ${DEFAULT-VALUE}: this machine only)")
    String httpHost;

    @Override
    @SuppressWarnings("try") // the dashboard is a resource only to be closed with the rest, even when null
    public Integer call() throws Exception {
        StopSignal stop = StopSignal.onCtrlC();
        try {
            Properties config = kafka.reachableClientConfig(System.out);
            String sinkUrl = sink != null ? sink : AppPaths.defaultSink();
            Topics topics = Topics.from(config);
            DashboardServer dashboard = httpPort == null ? null : new DashboardServer(sinkUrl, config, topics);
            try (JdbcSink jdbcSink = JdbcSink.open(sinkUrl); AutoCloseable served = dashboard) {
                if (dashboard != null) {
                    dashboard.start(httpHost, httpPort);
                    System.out.println("dashboard: " + DashboardServer.url(httpHost, dashboard.port()));
                }
                SummaryConsumer consumer = new SummaryConsumer(config, topics, jdbcSink,
                        dashboard == null ? batch -> { } : dashboard::afterWrite);
                Thread thread = new Thread(consumer, "newswire-consumer");
                thread.start();
                System.out.println("consumer writing to " + JdbcSink.redacted(sinkUrl) + " — press Ctrl-C to stop");
                while (!stop.await(500)) {
                    if (consumer.failure() != null) {
                        System.err.println("consumer stopped: " + consumer.failure().getMessage());
                        return 1;
                    }
                }
                System.out.println("stopping …");
                consumer.close();
                thread.join(10_000);
            }
        } finally {
            stop.done();
        }
        return 0;
    }
}
