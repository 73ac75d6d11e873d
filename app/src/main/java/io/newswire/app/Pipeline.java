package io.newswire.app;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.newswire.app.ops.Health;
import io.newswire.common.lifecycle.ServiceGroup;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkBatch;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The processing half of newswire in one process: the sink, the sink consumer and the Streams application,
 * started in that order and closed in reverse (one {@link ServiceGroup}). Used by {@code demo},
 * {@code reprocess}, {@code bench} and the end-to-end tests.
 */
public final class Pipeline implements AutoCloseable {

    private final Properties clientConfig;
    private final TopologyConfig topologyConfig;
    private final Path stateDir;
    private final String sinkUrl;
    private final Consumer<SinkBatch> afterWrite;
    private ServiceGroup services;
    private JdbcSink sink;
    private StreamsApp streams;
    private SummaryConsumer consumer;

    public Pipeline(Properties clientConfig, TopologyConfig topologyConfig, Path stateDir, String sinkUrl,
                    Consumer<SinkBatch> afterWrite) {
        this.clientConfig = clientConfig;
        this.topologyConfig = topologyConfig;
        this.stateDir = stateDir;
        this.sinkUrl = sinkUrl;
        this.afterWrite = afterWrite;
    }

    /**
     * Opens the sink, starts the consumer and Streams; returns once Streams is running.
     *
     * @throws IllegalStateException when Streams did not start within {@code timeout} (what started is
     *     closed by {@link #close()})
     */
    public void start(Duration timeout) throws InterruptedException {
        services = new ServiceGroup(timeout);
        sink = services.own(JdbcSink.open(sinkUrl));
        // The consumer first: it has nothing to read before Streams runs, and joins its group meanwhile.
        consumer = services.start(new SummaryConsumer(clientConfig, topologyConfig.topics(), sink, afterWrite));
        streams = services.start(new StreamsApp(clientConfig, topologyConfig, stateDir));
    }

    /** The Streams application: its id and topics, its reset. */
    public StreamsApp streams() {
        return streams;
    }

    /**
     * True when everything on the input topic has gone through Streams and the consumer (see
     * {@link StreamsApp#drained}, with the sink's stored offsets as the consumer's position).
     */
    public boolean drained(Admin admin) {
        return streams.drained(admin, sink::storedOffsets);
    }

    /** Kafka Streams' metrics (kafka_stream_* and its clients'); after {@link #start}. */
    public MeterBinder streamsMetrics() {
        return streams.clientMetrics();
    }

    /** The sink consumer's metrics (kafka_consumer_*, newswire_sink_*); after {@link #start}. */
    public MeterBinder consumerMetrics() {
        return consumer.metrics();
    }

    /** Ready while Streams is RUNNING and the sink consumer has joined its group, neither stopped. */
    public Health health() {
        String failure = failure();
        if (failure != null) {
            return Health.notReady(failure);
        }
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return Health.notReady("Kafka Streams " + (streams == null ? "not started" : streams.state()));
        }
        return consumer.joined() ? Health.ready("Kafka Streams RUNNING, sink consumer in its group")
                : Health.notReady("sink consumer joining its group");
    }

    /** Why a component stopped on its own ("Kafka Streams stopped: …"), or null while all run. */
    public String failure() {
        return services == null ? null : services.failure();
    }

    /** Stops Streams, the consumer and the sink, each even if another fails to stop. */
    @Override
    public void close() throws InterruptedException {
        if (services == null) {
            return;
        }
        try {
            services.close();
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the pipeline: " + e.getMessage(), e);
        }
    }
}
