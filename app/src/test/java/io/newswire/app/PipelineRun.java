package io.newswire.app;

import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.Sink;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import io.newswire.testsupport.CommittedRecords;
import io.newswire.testsupport.SinkTables;
import io.newswire.testsupport.TestNames;
import io.newswire.testsupport.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One run of the pipeline on its own topics, application id, consumer group and SQLite file, with the pieces
 * (Streams, the sink consumer) started and stopped by the test, so a test can kill one of them mid-run.
 */
final class PipelineRun implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** What a run leaves behind, to compare with another run. */
    record Outcome(List<String> topicDaily, List<String> articles, long tagged, long deadLetters,
                   Map<String, Integer> deadLettersByReason) {
    }

    final String prefix;
    final Topics topics;
    final TopologyConfig topology;
    private final String bootstrap;
    private final Properties clientConfig;
    private final Path dir;
    final JdbcSink sink;
    private final List<StreamsApp> streams = new ArrayList<>();
    private final List<SummaryConsumer> consumers = new ArrayList<>();
    private final Admin admin;

    PipelineRun(String name, String bootstrap, Path tempDir) {
        TestNames names = TestNames.unique(name);
        this.prefix = names.run();
        this.bootstrap = bootstrap;
        this.dir = tempDir.resolve(prefix);
        this.clientConfig = KafkaClientConfig.load(bootstrap, null);
        clientConfig.putAll(names.config(bootstrap));
        clientConfig.setProperty("newswire.article.max-body-bytes", String.valueOf(Workload.MAX_BODY_BYTES));
        this.topology = Components.topologyConfig(clientConfig);
        this.topics = topology.topics();
        this.sink = JdbcSink.open(sinkFile());
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    void createTopics() throws Exception {
        List<NewTopic> newTopics = topics.names().stream()
                .map(name -> new NewTopic(name, Optional.of(Workload.PARTITIONS), Optional.of((short) 3))
                        .configs(Map.of("min.insync.replicas", "2")))
                .toList();
        admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
    }

    /** Starts a Streams instance with its own state directory (a new machine: it restores from changelogs). */
    StreamsApp startStreams() {
        Properties props = KafkaClientConfig.copy(clientConfig);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "3");
        props.put(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
        // A killed instance stays in the group until its session times out: 6 s (the broker's minimum), not 45.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1000");
        StreamsApp instance = new StreamsApp(props, topology, dir.resolve("state-" + streams.size()));
        streams.add(instance);
        instance.start();
        return instance;
    }

    SummaryConsumer startConsumer(Sink target) {
        Properties props = KafkaClientConfig.copy(clientConfig);
        props.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        SummaryConsumer consumer = new SummaryConsumer(props, topics, target, batch -> { });
        consumers.add(consumer);
        consumer.start();
        return consumer;
    }

    /** Sends every entry and waits for all of them to be acknowledged; fails if any was not. */
    void produce(List<Workload.Entry> entries) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acknowledged = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Workload.Entry entry : entries) {
                producer.send(entry.to(topics.raw().name()), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        // A record the test lost on its way in would show up as a difference in the sink, blamed on the pipeline.
        if (failure.get() != null || acknowledged.get() != entries.size()) {
            throw new IllegalStateException("the test producer had " + acknowledged.get() + " of " + entries.size()
                    + " records acknowledged", failure.get());
        }
    }

    /** Everything on the raw topic has gone through Streams, and the sink holds all its output. */
    boolean drained() {
        return streams.get(0).drained(admin, sink::storedOffsets);
    }

    /** Why a Streams instance stopped on its own, or null (one halted by the test has not failed). */
    String failure() {
        return streams.stream().map(StreamsApp::failure).filter(Objects::nonNull).findFirst()
                .map(e -> "Kafka Streams stopped: " + e.getMessage()).orElse(null);
    }

    /** Committed records on {@code topic} (read_committed). */
    long committedCount(String topic) {
        return TopicReader.records(clientConfig, topic, READ_TIMEOUT).size();
    }

    Outcome outcome() throws Exception {
        Map<String, Integer> reasons = new TreeMap<>();
        List<CommittedRecords.DeadLetter> deadLetters = CommittedRecords.deadLetters(clientConfig,
                topics.dlq().name(), READ_TIMEOUT);
        deadLetters.forEach(l -> reasons.merge(l.reason() == null ? "(none)" : l.reason(), 1, Integer::sum));
        // Whole rows: sample titles are those of the smallest article ids and keyphrases use fixed document
        // frequencies, so neither depends on how the partitions interleaved.
        List<String> topicDaily = SinkTables.rows(sinkFile(), "SELECT topic, day, article_count, source_count,"
                + " top_entities, sample_titles, last_updated FROM topic_daily ORDER BY topic, day");
        List<String> articles = SinkTables.rows(sinkFile(), "SELECT id, day, title, source, url, topics, entities,"
                + " keyphrases, quantities, ingested_at, published_at, day_source, duplicate_of FROM articles"
                + " ORDER BY id");
        return new Outcome(topicDaily, articles, committedCount(topics.tagged().name()), deadLetters.size(), reasons);
    }

    private String sinkFile() {
        return dir.resolve("sink.db").toString();
    }

    @Override
    public void close() throws Exception {
        for (SummaryConsumer consumer : consumers) {
            consumer.close();
        }
        for (StreamsApp instance : streams) {
            instance.close();
        }
        sink.close();
        admin.close(Duration.ofSeconds(5));
    }
}
