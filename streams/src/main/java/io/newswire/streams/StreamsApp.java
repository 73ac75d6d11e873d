package io.newswire.streams;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.TopicSettings;
import io.newswire.common.Topics;
import io.newswire.common.lifecycle.Service;
import io.newswire.streams.ahead.AheadClientSupplier;
import io.newswire.streams.ahead.TaggingAhead;
import io.newswire.streams.deadletter.DeadLetterDeserializationHandler;
import io.newswire.streams.deadletter.DeadLetterProcessingHandler;
import io.newswire.streams.deadletter.DeadLetterProductionHandler;
import io.newswire.streams.progress.PipelineDrain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Owns the lifecycle of the newswire Kafka Streams application: configuration, start, stop, reset. The only
 * place that knows the application id and the topics Kafka Streams creates for it ({@link #internalTopics()},
 * read off the topology). The processing itself is {@link NewsTopology}.
 */
public final class StreamsApp implements Service {

    public static final String DEFAULT_APPLICATION_ID = "newswire-streams";

    /**
     * Client property: threads that tag raw articles ahead of the Streams thread ({@link TaggingAhead}); 0
     * tags on the Streams thread. Default: one per core beyond the first, at most {@link #MAX_TAGGING_THREADS}.
     */
    public static final String TAGGING_THREADS_CONFIG = "newswire.tagging.threads";
    private static final int MAX_TAGGING_THREADS = 4;
    private static final int MAX_EXPLICIT_TAGGING_THREADS = 256;
    /** Per Streams thread: a few polls (Kafka Streams polls up to 1,000 records), a few MB of tags. */
    private static final int MAX_TAGGED_AHEAD = 4096;

    private final KafkaStreams streams;
    private final TaggingAhead ahead;
    private final int taggingThreads;
    private final Topics topics;
    private final InternalTopics internalTopics;
    private final Properties clientConfig;
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();

    public StreamsApp(Properties clientConfig, TopologyConfig topologyConfig, Path stateDir) {
        this.clientConfig = KafkaClientConfig.copy(clientConfig);
        this.clientConfig.remove(TAGGING_THREADS_CONFIG);
        this.topics = topologyConfig.topics();
        Properties config = streamsConfig(this.clientConfig, stateDir, topics.dlq().name());
        this.taggingThreads = taggingThreads(clientConfig);
        this.ahead = taggingThreads == 0 ? null : new TaggingAhead(topics.raw().name(),
                NewsTopology.rawDeserializer(topologyConfig.integrity()), topologyConfig.tagger(), taggingThreads,
                MAX_TAGGED_AHEAD);
        Topology topology = NewsTopology.build(topologyConfig, ahead);
        this.internalTopics = InternalTopics.of(config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), topology,
                topics.names());
        this.streams = ahead == null ? new KafkaStreams(topology, config)
                : new KafkaStreams(topology, config, new AheadClientSupplier(ahead));
        streams.setUncaughtExceptionHandler(error -> {
            fatalError.compareAndSet(null, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** {@link #TAGGING_THREADS_CONFIG} of the client config, or its default on this machine. */
    static int taggingThreads(Properties clientConfig) {
        String value = clientConfig.getProperty(TAGGING_THREADS_CONFIG);
        if (value == null) {
            return Math.min(MAX_TAGGING_THREADS, Runtime.getRuntime().availableProcessors() - 1);
        }
        try {
            int threads = Integer.parseInt(value.trim());
            // A thread per core is the most that can help; far more is a typo that would start them all.
            if (threads >= 0 && threads <= MAX_EXPLICIT_TAGGING_THREADS) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(TAGGING_THREADS_CONFIG + " must be a whole number of threads from 0 to "
                + MAX_EXPLICIT_TAGGING_THREADS + ", not '" + value + "'");
    }

    /** The client config with newswire's defaults for what it does not set. */
    public static Properties streamsConfig(Properties clientConfig, Path stateDir, String dlqTopic) {
        Properties props = KafkaClientConfig.copy(clientConfig);
        props.remove(TAGGING_THREADS_CONFIG);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(clientConfig));
        // Counts must be right after a crash: state, output and input offsets commit in one transaction.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlqTopic);
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingHandler.class.getName());
        // Kafka's default fails the stream thread on a record it cannot write (and a restart meets it again):
        // newswire dead-letters it and goes on.
        props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionHandler.class.getName());
        // Tagged articles can exceed the producer's 1 MiB default (a body up to its 1 MiB cap plus tags); the
        // topics newswire creates accept records up to the same size (see TopicSettings).
        putProducerDefault(props, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(TopicSettings.MAX_MESSAGE_BYTES));
        // The internal topics (repartitions, changelogs) Kafka Streams creates take the same limit as the public
        // ones: the broker default (1 MiB) would refuse a tagged article the public topics accept.
        props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
                String.valueOf(TopicSettings.MAX_MESSAGE_BYTES));
        // Internal topics take the cluster's default replication factor: 1 on the embedded broker, 3 on most clusters.
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, "-1");
        putPerformanceDefaults(props);
        return props;
    }

    /**
     * Settings measured with {@code newswire bench} (README, "Benchmarks"); each one can be overridden in
     * the {@code --kafka-config} file.
     */
    private static void putPerformanceDefaults(Properties props) {
        // Under exactly-once, output becomes visible downstream only when the transaction commits: the commit
        // interval is most of the send → sink latency. 50 ms instead of the EOS default 100 ms: in paired bench
        // runs (1,000 articles/s, same load) p50 went from 150-210 ms to ~90 ms and p99 fell 2.5-3×, for more
        // transactions (more CPU per article at high rates). Raise it where throughput matters more than latency.
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
        // Tagged articles are ~4 KB: the producer's default 16 KB batch held 3-4 of them, so every commit sent
        // many small produce requests. One batch per partition per commit is what the broker handles best.
        putProducerDefault(props, ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        // The tagged topic is the raw prose again plus tags: the same lz4 as the producer of raw articles
        // (fewer bytes through the broker and the sink consumer's fetches for little CPU).
        putProducerDefault(props, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    /**
     * A setting of Kafka Streams' producers unless the client config has its own, with or without the
     * {@code producer.} prefix: Kafka Streams lets a prefixed key win over a plain one, so a prefixed default
     * would hide the user's plain one.
     */
    private static void putProducerDefault(Properties props, String key, String value) {
        if (!props.containsKey(key) && !props.containsKey(StreamsConfig.producerPrefix(key))) {
            props.put(StreamsConfig.producerPrefix(key), value);
        }
    }

    @Override
    public String name() {
        return "Kafka Streams";
    }

    /** The consumer group, prefix of the internal topics and name of the local state directory. */
    public String applicationId() {
        return internalTopics.applicationId();
    }

    /**
     * The application id an instance built from {@code clientConfig} has, without building one (building
     * one locks the local state directory, which a running instance of this process holds).
     */
    public static String applicationId(Properties clientConfig) {
        return clientConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    }

    /** The topics this application reads and the ones Kafka Streams creates for it. */
    public InternalTopics internalTopics() {
        return internalTopics;
    }

    /** Starts processing, after raising the record limit of internal topics an older version created. */
    @Override
    public void start() {
        TopicLimits.raise(clientConfig, internalTopics.all(), TopicSettings.MAX_MESSAGE_BYTES);
        streams.start();
    }

    /** @throws IllegalStateException naming the state and the error when not RUNNING within {@code timeout} */
    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        if (!awaitRunning(timeout)) {
            Throwable error = failure();
            throw new IllegalStateException("Kafka Streams did not start within " + timeout.toSeconds()
                    + " s (state " + state() + (error == null ? "" : ", " + error.getMessage()) + ")");
        }
    }

    /** Waits until the application is RUNNING; false if it failed or the time ran out. */
    private boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                    || state == KafkaStreams.State.PENDING_ERROR) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Threads tagging ahead of the Streams threads; 0 when the Streams threads tag themselves. */
    public int taggingThreads() {
        return taggingThreads;
    }

    /** Articles tagged ahead and inline so far, when tagging ahead is on. */
    public Optional<TaggingAhead.Counts> taggingCounts() {
        return Optional.ofNullable(ahead).map(TaggingAhead::counts);
    }

    /** Kafka Streams' metrics and its clients' (kafka_stream_*, kafka_consumer_*, kafka_producer_*), for a registry. */
    public MeterBinder clientMetrics() {
        return new KafkaStreamsMetrics(streams);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The error that stopped the application, or null. */
    @Override
    public Throwable failure() {
        return fatalError.get();
    }

    /**
     * True when every instance of this application has committed everything stable on the topics it reads,
     * and {@code downstream} (the sink's positions) has reached the stable end of its output topics: all
     * that was on the input topic when this was asked has gone through. Each topic is checked in topology
     * order, so what one step wrote while the previous check ran is seen by the next.
     */
    public boolean drained(Admin admin, Function<Collection<TopicPartition>, Map<TopicPartition, Long>> downstream) {
        PipelineDrain drain = new PipelineDrain(admin);
        List<String> outputs = List.of(topics.tagged().name(), topics.topicDaily().name());
        List<String> written = new ArrayList<>(internalTopics.repartition());
        written.addAll(outputs);
        // Settled first: until an open transaction (of a crashed instance, say) is aborted or committed, the
        // records behind it are not counted, and everything else can look caught up.
        if (!drain.transactionsSettled(written)) {
            return false;
        }
        for (String source : internalTopics.sources()) {
            if (!drain.groupCaughtUp(applicationId(), List.of(source))) {
                return false;
            }
        }
        return drain.caughtUp(outputs, downstream);
    }

    /**
     * Makes the next start reprocess the input from the beginning with empty state, as Kafka's
     * {@code kafka-streams-application-reset} tool followed by {@link KafkaStreams#cleanUp()} would: refuses
     * while an instance runs, deletes the group's offsets and {@link #internalTopics()}, then this instance's
     * local state. Call it before {@link #start()}.
     *
     * @return the internal topics deleted
     */
    public List<String> reset(Admin admin) throws InterruptedException {
        StreamsReset reset = new StreamsReset(admin);
        reset.requireStopped(applicationId(), "every `newswire streams` and `demo`");
        List<String> deleted = reset.reset(applicationId(), internalTopics.all());
        streams.cleanUp();
        return deleted;
    }

    /**
     * Stops at once, as a crashed process would: no final commit, no leaving the group. The open
     * transaction is aborted by the broker and the tasks move to another instance after the session timeout.
     * {@link #close()} is the clean stop.
     */
    public void halt() {
        streams.close(CloseOptions.timeout(Duration.ZERO)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
        closeAhead();
    }

    @Override
    public void close() {
        // Leave the group on a clean stop, so a restarted instance gets its tasks at once instead of after
        // the session timeout (45 s) of the old member.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        closeAhead();
    }

    private void closeAhead() {
        if (ahead != null) {
            ahead.close();
        }
    }
}
