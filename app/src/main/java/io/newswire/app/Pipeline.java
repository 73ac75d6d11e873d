package io.newswire.app;

import io.newswire.app.kafka.PipelineDrain;
import io.newswire.common.Topics;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkBatch;
import io.newswire.streams.NewsTopology;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The processing half of newswire in one process: the Streams application and the sink consumer,
 * started and stopped together. Used by {@code demo} and by the end-to-end tests.
 */
public final class Pipeline implements AutoCloseable {

    private final Properties clientConfig;
    private final TopologyConfig topologyConfig;
    private final Path stateDir;
    private final String sinkUrl;
    private final Consumer<SinkBatch> afterWrite;
    private StreamsApp streams;
    private JdbcSink sink;
    private SummaryConsumer consumer;
    private Thread consumerThread;

    public Pipeline(Properties clientConfig, TopologyConfig topologyConfig, Path stateDir, String sinkUrl,
                    Consumer<SinkBatch> afterWrite) {
        this.clientConfig = clientConfig;
        this.topologyConfig = topologyConfig;
        this.stateDir = stateDir;
        this.sinkUrl = sinkUrl;
        this.afterWrite = afterWrite;
    }

    /** Starts Streams and the consumer; returns once Streams is running. */
    public void start(Duration timeout) throws InterruptedException {
        sink = JdbcSink.open(sinkUrl);
        streams = new StreamsApp(clientConfig, topologyConfig, stateDir);
        streams.start();
        consumer = new SummaryConsumer(clientConfig, topologyConfig.topics(), sink, afterWrite);
        consumerThread = new Thread(consumer, "newswire-consumer");
        consumerThread.start();
        if (!streams.awaitRunning(timeout)) {
            Throwable error = streams.fatalError();
            throw new IllegalStateException("Kafka Streams did not start within " + timeout.toSeconds() + " s (state "
                    + streams.state() + (error == null ? "" : ", " + error.getMessage()) + ")");
        }
    }

    /**
     * True when everything on the input topic has gone through Streams and the consumer: Streams has
     * committed every stable record of its input and repartition topics, the sink holds every stable
     * record of the output topics, and no transaction is still open on them.
     */
    public boolean drained(Admin admin) {
        PipelineDrain drain = new PipelineDrain(admin);
        String appId = StreamsApp.streamsConfig(clientConfig, stateDir, "")
                .getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        Topics topics = topologyConfig.topics();
        String dedupIndex = appId + "-" + NewsTopology.DEDUP_INDEX + "-repartition";
        String repartition = appId + "-" + NewsTopology.ARTICLES_BY_TOPIC_DAY + "-repartition";
        List<String> outputs = List.of(topics.tagged().name(), topics.topicDaily().name());
        // Settled first: once nothing is open, the stable ends checked next cover everything written so far.
        return drain.transactionsSettled(List.of(dedupIndex, repartition, outputs.get(0), outputs.get(1)))
                && drain.groupCaughtUp(appId, List.of(topics.raw().name()))
                && drain.groupCaughtUp(appId, List.of(dedupIndex))
                && drain.groupCaughtUp(appId, List.of(repartition))
                && drain.caughtUp(outputs, sink::storedOffsets);
    }

    /** Why a component stopped on its own, or null while all run. */
    public String failure() {
        if (streams != null && streams.fatalError() != null) {
            return "Kafka Streams stopped: " + streams.fatalError().getMessage();
        }
        if (consumer != null && consumer.failure() != null) {
            return "sink consumer stopped: " + consumer.failure().getMessage();
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        if (consumer != null) {
            consumer.close();
            consumerThread.join(10_000);
        }
        if (streams != null) {
            streams.close();
        }
        if (sink != null) {
            sink.close();
        }
    }
}
