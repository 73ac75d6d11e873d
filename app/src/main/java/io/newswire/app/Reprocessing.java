package io.newswire.app;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.StreamsReset;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.progress.PipelineDrain;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Rebuilds {@code news.articles.tagged}, {@code news.topic-daily} and the sink from {@code news.articles.raw}
 * (after a taxonomy change): with Streams and the sink consumer stopped, empties the sink (keeping, as its
 * new start, the current end of the output topics), resets the Streams application
 * ({@link StreamsApp#reset}), then runs the pipeline until everything on the raw topic has gone through.
 * Old records stay in the output topics; the rebuilt ones follow them, and the sink only sees the new ones.
 */
public final class Reprocessing {

    private final Properties config;
    private final TopologyConfig topology;
    private final Path stateDir;
    private final String sinkUrl;
    private final PrintStream out;

    public Reprocessing(Properties config, TopologyConfig topology, Path stateDir, String sinkUrl, PrintStream out) {
        this.config = config;
        this.topology = topology;
        this.stateDir = stateDir;
        this.sinkUrl = sinkUrl;
        this.out = out;
    }

    /**
     * The whole reprocessing; true when everything was rebuilt within {@code timeout}.
     *
     * @throws IllegalStateException "stop … first" while Streams or the sink consumer still runs
     */
    public boolean run(Duration timeout) throws InterruptedException {
        Topics topics = topology.topics();
        String sinkGroup = KafkaClientConfig.copy(config).getProperty(ConsumerConfig.GROUP_ID_CONFIG,
                SummaryConsumer.DEFAULT_GROUP_ID);
        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            PipelineDrain drain = new PipelineDrain(admin.admin());
            // Both checked before anything changes, and before an instance is built: building one takes the
            // lock on the local state that a running instance of this process holds.
            StreamsReset groups = new StreamsReset(admin.admin());
            groups.requireStopped(StreamsApp.applicationId(config), "every `newswire streams` and `demo`");
            groups.requireStopped(sinkGroup, "every `newswire consumer` and `demo`");
            try (JdbcSink jdbc = JdbcSink.open(sinkUrl)) {
                jdbc.startOver(drain.stableEndOffsets(List.of(topics.tagged().name(), topics.topicDaily().name())));
            }
            try (StreamsApp app = new StreamsApp(config, topology, stateDir)) {
                List<String> deleted = app.reset(admin.admin());
                out.printf("reset Streams application %s (deleted %d internal topics, local state) and emptied the sink %s%n",
                        app.applicationId(), deleted.size(), JdbcSink.redacted(sinkUrl));
            }
            long total = drain.stableEndOffsets(List.of(topics.raw().name())).values().stream()
                    .mapToLong(Long::longValue).sum();
            try (Pipeline pipeline = new Pipeline(config, topology, stateDir, sinkUrl, b -> { })) {
                pipeline.start(Duration.ofSeconds(60));
                String applicationId = pipeline.streams().applicationId();
                long deadline = System.nanoTime() + timeout.toNanos();
                long reported = -1;
                while (System.nanoTime() < deadline && pipeline.failure() == null) {
                    long done = Math.min(total, drain.committed(applicationId, topics.raw().name()));
                    if (done != reported) {
                        out.printf("re-tagged %d/%d raw records%n", done, total);
                        reported = done;
                    }
                    if (pipeline.drained(admin.admin())) {
                        // Drained means every raw record is committed; the last records may have been committed
                        // between the count above and this check, so the count is completed here.
                        if (reported != total) {
                            out.printf("re-tagged %d/%d raw records%n", total, total);
                        }
                        out.printf("reprocessed: %s, %s and the sink are rebuilt from %s%n", topics.tagged().name(),
                                topics.topicDaily().name(), topics.raw().name());
                        return true;
                    }
                    Thread.sleep(250);
                }
                System.err.println(pipeline.failure() != null ? pipeline.failure()
                        : "reprocessing did not finish within " + timeout.toSeconds() + " s");
                return false;
            }
        }
    }
}
