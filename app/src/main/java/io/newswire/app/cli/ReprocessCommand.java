package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.app.Components;
import io.newswire.app.Pipeline;
import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.app.kafka.PipelineDrain;
import io.newswire.app.kafka.StreamsReset;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Rebuilds {@code news.articles.tagged}, {@code news.topic-daily} and the sink from {@code news.articles.raw},
 * after a taxonomy change: resets the Streams application (offsets, internal topics, local state), empties
 * the sink's tables and moves its progress to the end of the output topics, then runs Streams and the
 * consumer with the (new) taxonomy until everything on the raw topic has gone through, with progress.
 * Old records stay in the output topics; the rebuilt ones follow them, and the sink only sees the new ones.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = "Rebuild the tagged topic, the summaries and the sink from news.articles.raw (after a taxonomy change).")
public final class ReprocessCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TaggerOptions tagger;

    @Mixin
    ModelOptions model;

    @Option(names = "--sink", paramLabel = "PATH|JDBC-URL", description = "SQLite file or jdbc:postgresql://… (default: data/newswire.db)")
    String sink;

    @Option(names = "--timeout", defaultValue = "600", description = "give up after this many seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Properties config = kafka.reachableClientConfig(out);
        String sinkUrl = sink != null ? sink : AppPaths.defaultSink();
        TopologyConfig topology = Components.withDesks(Components.topologyConfig(config, tagger), model.model());
        return run(config, topology, AppPaths.streamsStateDir(), sinkUrl, Duration.ofSeconds(timeoutSeconds), out) ? 0 : 1;
    }

    /** The whole reprocessing; true when everything was rebuilt within {@code timeout}. */
    public static boolean run(Properties config, TopologyConfig topology, Path stateDir, String sinkUrl,
                              Duration timeout, PrintStream out) throws InterruptedException {
        Topics topics = topology.topics();
        String applicationId = StreamsApp.streamsConfig(config, stateDir, "")
                .getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        String sinkGroup = KafkaClientConfig.copy(config).getProperty(ConsumerConfig.GROUP_ID_CONFIG,
                SummaryConsumer.DEFAULT_GROUP_ID);
        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            StreamsReset reset = new StreamsReset(admin.admin());
            reset.requireStopped(applicationId, "every `newswire streams` and `demo`");
            reset.requireStopped(sinkGroup, "every `newswire consumer` and `demo`");
            PipelineDrain drain = new PipelineDrain(admin.admin());
            try (JdbcSink jdbc = JdbcSink.open(sinkUrl)) {
                jdbc.startOver(drain.stableEndOffsets(List.of(topics.tagged().name(), topics.topicDaily().name())));
            }
            List<String> deleted = reset.reset(applicationId);
            deleteLocalState(stateDir.resolve(applicationId));
            out.printf("reset Streams application %s (deleted %d internal topics, local state) and emptied the sink %s%n",
                    applicationId, deleted.size(), JdbcSink.redacted(sinkUrl));
            long total = drain.stableEndOffsets(List.of(topics.raw().name())).values().stream()
                    .mapToLong(Long::longValue).sum();
            try (Pipeline pipeline = new Pipeline(config, topology, stateDir, sinkUrl, b -> { })) {
                pipeline.start(Duration.ofSeconds(60));
                long deadline = System.nanoTime() + timeout.toNanos();
                long reported = -1;
                while (System.nanoTime() < deadline && pipeline.failure() == null) {
                    long done = Math.min(total, reset.committed(applicationId, topics.raw().name()));
                    if (done != reported) {
                        out.printf("re-tagged %d/%d raw records%n", done, total);
                        reported = done;
                    }
                    if (pipeline.drained(admin.admin())) {
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

    private static void deleteLocalState(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete Streams state " + dir, e);
        }
    }
}
