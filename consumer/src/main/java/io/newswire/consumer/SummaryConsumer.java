package io.newswire.consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newswire.common.DeadLetterRecord;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.Topics;
import io.newswire.common.lifecycle.Service;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import io.newswire.consumer.sink.Sink;
import io.newswire.consumer.sink.SinkBatch;
import io.newswire.consumer.sink.SinkConflictException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code news.topic-daily} and {@code news.articles.tagged} (committed data only) and writes them to
 * the {@link Sink}. Its progress lives in the sink, in the same transaction as the rows: on start and on
 * every rebalance it resumes from there, so a crash between the database commit and anything after it
 * neither loses nor double-writes a row. Each batch names the offsets it was read from, and the sink refuses
 * it if another consumer of the group has written those partitions since (a member that lost its partitions
 * without noticing yet); this one then rewinds to what the sink holds. Offsets are also committed to Kafka,
 * only so that lag shows in the usual tools.
 *
 * <p>A {@link Service}: {@link #start()} runs the poll loop on a thread of its own, {@link #close()} stops
 * it and waits for the thread.
 *
 * <p>Kafka Streams is not the only client that can write these topics: a record that is not JSON of its type,
 * or that the dashboard could not show ({@link SinkRecordValidator}), goes to {@code news.articles.dlq} with
 * its reason and source headers, is counted, and the consumer goes on. Its dead letter is acknowledged before
 * the batch's rows and offsets commit (in one transaction, as always).
 */
public final class SummaryConsumer implements Service {

    public static final String DEFAULT_GROUP_ID = "newswire-sink";
    private static final Logger LOG = LoggerFactory.getLogger(SummaryConsumer.class);

    /** How long the sink waits for Kafka to take a batch's dead letters before it tries the batch again. */
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetterProducer;
    private final SinkRecordValidator validator = new SinkRecordValidator(Clock.systemUTC());
    private final Topics topics;
    private final Sink sink;
    private final Consumer<SinkBatch> afterWrite;
    private final AtomicLong recordsWritten = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong refusedBatches = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean joined;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;
    /** What the sink holds per assigned partition; only touched by the polling thread. */
    private final Map<TopicPartition, Long> stored = new HashMap<>();

    /**
     * @param afterWrite told about each batch once it is committed in the sink (for live views)
     */
    public SummaryConsumer(Properties clientConfig, Topics topics, Sink sink, Consumer<SinkBatch> afterWrite) {
        this.topics = topics;
        this.sink = sink;
        this.afterWrite = afterWrite;
        this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::pollUntilClosed, "newswire-sink-consumer");
        this.deadLetterProducer = new KafkaProducer<>(deadLetterProducerConfig(clientConfig),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Only the producer's own settings of the client config (no consumer-only keys to warn about). */
    static Properties deadLetterProducerConfig(Properties clientConfig) {
        Properties props = new Properties();
        KafkaClientConfig.copy(clientConfig).forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key.toString())) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-consumer-dlq");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return props;
    }

    static Properties consumerConfig(Properties clientConfig) {
        Properties props = KafkaClientConfig.copy(clientConfig);
        props.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        // Streams writes in transactions: read only what it committed, never an aborted attempt.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The sink holds the real progress; Kafka's committed offsets are informational.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-consumer");
        return props;
    }

    @Override
    public String name() {
        return "sink consumer";
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Ready at once: it joins the group and resumes from the sink on its own thread. */
    @Override
    public void awaitReady(Duration timeout) {
    }

    private void pollUntilClosed() {
        try {
            consumer.subscribe(List.of(topics.topicDaily().name(), topics.tagged().name()), new ResumeFromSink());
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                lag.set(currentLag());
                List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
                SinkBatch batch = toBatch(records, deadLetters);
                if (batch.isEmpty()) {
                    continue;
                }
                // Before the rows: a crash in between writes a dead letter twice, never loses one. If Kafka does
                // not take them, nothing is written and the batch is read again.
                if (!deadLetters.isEmpty() && !sendDeadLetters(deadLetters)) {
                    rewind(records, null);
                    continue;
                }
                try {
                    sink.write(batch);
                } catch (SinkConflictException e) {
                    rewind(records, e);
                    continue;
                }
                stored.putAll(batch.nextOffsets());
                recordsWritten.addAndGet(records.count());
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                batch.nextOffsets().forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
                consumer.commitAsync(commit, null);
                afterWrite.accept(batch);
            }
        } catch (WakeupException e) {
            if (!stopping) {
                failure.set(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // An Error too (a sink that dies hard): failure() must tell whoever watches this consumer.
            failure.set(e);
            LOG.error("consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    /** True once Kafka acknowledged every dead letter. */
    private boolean sendDeadLetters(List<ProducerRecord<byte[], byte[]>> deadLetters) throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> letter : deadLetters) {
            sends.add(deadLetterProducer.send(letter));
        }
        long deadline = System.nanoTime() + DEAD_LETTER_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("dead letters not acknowledged by Kafka, reading the batch again: {}",
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            return false;
        }
        deadLettered.addAndGet(deadLetters.size());
        return true;
    }

    private SinkBatch toBatch(ConsumerRecords<byte[], byte[]> records,
                              List<ProducerRecord<byte[], byte[]>> deadLetters) {
        // Summaries are full values: within one batch only the latest per key matters.
        Map<String, TopicDaySummary> summaries = new LinkedHashMap<>();
        Map<String, TaggedArticle> articles = new LinkedHashMap<>();
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Optional<InvalidArticleException> problem;
            try {
                if (record.topic().equals(topics.topicDaily().name())) {
                    TopicDaySummary summary = topics.topicDaily().valueSerde().deserializer()
                            .deserialize(record.topic(), record.value());
                    problem = summary == null ? Optional.empty() : validator.problem(summary);
                    if (summary != null && problem.isEmpty()) {
                        summaries.put(TopicDaySummary.key(summary.topic(), summary.day()), summary);
                    }
                } else {
                    TaggedArticle article = topics.tagged().valueSerde().deserializer()
                            .deserialize(record.topic(), record.value());
                    problem = article == null ? Optional.empty() : validator.problem(article);
                    if (article != null && problem.isEmpty()) {
                        articles.put(article.id(), article);
                    }
                }
            } catch (RuntimeException e) {
                // Not JSON of the record, or JSON the record refuses (a null in a list).
                unreadable.incrementAndGet();
                problem = Optional.of(new InvalidArticleException(RejectReason.MALFORMED_JSON, e.getMessage()));
            }
            problem.ifPresent(invalid -> {
                LOG.warn("dead-lettering {}-{}@{} as {}: {}", record.topic(), record.partition(), record.offset(),
                        invalid.reason().code(), invalid.detail());
                deadLetters.add(DeadLetterRecord.of(topics.dlq().name(), record.key(), record.value(),
                        invalid.reason().code(), invalid.detail(), record.topic(), record.partition(), record.offset()));
            });
        }
        // The position, not the last record's offset + 1: it also steps over transaction markers, so a sink
        // that has everything reads as caught up to the topic's last stable offset. An empty poll that only
        // stepped over markers still moves the stored position.
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            Long known = stored.get(partition);
            if (known == null || position > known) {
                nextOffsets.put(partition, position);
            }
        }
        // What the sink held when these records were read: it refuses the batch if another consumer has moved on.
        Map<TopicPartition, Long> previousOffsets = new HashMap<>();
        nextOffsets.keySet().stream().filter(stored::containsKey)
                .forEach(partition -> previousOffsets.put(partition, stored.get(partition)));
        return new SinkBatch(new ArrayList<>(summaries.values()), new ArrayList<>(articles.values()), nextOffsets,
                previousOffsets);
    }

    /**
     * Another consumer wrote some of these partitions after this one read them: this one lost them in a
     * rebalance that its next poll will tell it about. Nothing of the batch was written, so every partition
     * of it goes back, to the sink's offset where there is one, else to the batch's first record.
     */
    private void rewind(ConsumerRecords<byte[], byte[]> records, SinkConflictException conflict) {
        if (conflict != null) {
            refusedBatches.incrementAndGet();
            LOG.warn("sink refused a batch, rewinding: {}", conflict.getMessage());
        }
        Map<TopicPartition, Long> inSink = sink.storedOffsets(consumer.assignment());
        for (TopicPartition partition : consumer.assignment()) {
            Long offset = inSink.get(partition);
            if (offset == null && !records.records(partition).isEmpty()) {
                offset = records.records(partition).get(0).offset();
            }
            if (offset != null) {
                consumer.seek(partition, offset);
            }
            if (inSink.containsKey(partition)) {
                stored.put(partition, inSink.get(partition));
            } else {
                stored.remove(partition);
            }
        }
    }

    /** Records behind the end of the assigned partitions, as far as this consumer knows (it polls the consumer). */
    private long currentLag() {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            behind += consumer.currentLag(partition).orElse(0);
        }
        return behind;
    }

    /** On every assignment, continue from the offsets stored with the rows. */
    private final class ResumeFromSink implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Called on every rebalance, with no partitions too: this member has joined the group.
            joined = true;
            Map<TopicPartition, Long> offsets = sink.storedOffsets(partitions);
            offsets.forEach(consumer::seek);
            stored.putAll(offsets);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush: every batch is committed to the sink before the next poll.
            partitions.forEach(stored::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(stored::remove);
        }
    }

    /**
     * The consumer's own metrics (kafka_consumer_*) and newswire's: records written to the sink, the sink's
     * lag behind the topics; for a registry that serves them.
     */
    public ConsumerMetrics metrics() {
        return new ConsumerMetrics(new KafkaClientMetrics(consumer));
    }

    /** The meters of {@link #metrics()}; closing it stops sampling the client. */
    public final class ConsumerMetrics implements MeterBinder, AutoCloseable {

        private final KafkaClientMetrics client;

        private ConsumerMetrics(KafkaClientMetrics client) {
            this.client = client;
        }

        @Override
        public void bindTo(MeterRegistry registry) {
            client.bindTo(registry);
            FunctionCounter.builder("newswire.sink.records", recordsWritten, AtomicLong::get)
                    .description("records of the tagged and topic-daily topics written to the sink").register(registry);
            Gauge.builder("newswire.sink.lag", lag, AtomicLong::get)
                    .description("records the sink consumer is behind the end of its partitions").register(registry);
            FunctionCounter.builder("newswire.sink.dead.letters", deadLettered, AtomicLong::get)
                    .description("records the sink refused (unreadable or invalid) and dead-lettered").register(registry);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** True once this consumer has joined its group (it may have no partitions when more members than them). */
    public boolean joined() {
        return joined;
    }

    public long recordsWritten() {
        return recordsWritten.get();
    }

    public long unreadableRecords() {
        return unreadable.get();
    }

    /** Records written to {@code news.articles.dlq} instead of the sink (unreadable or invalid). */
    public long deadLetteredRecords() {
        return deadLettered.get();
    }

    /** Batches the sink refused because another consumer had written their partitions (see {@link SinkBatch}). */
    public long refusedBatches() {
        return refusedBatches.get();
    }

    /** Why the consumer stopped on its own, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /** Stops polling and waits (up to 10 s) for the thread to close the Kafka consumer. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        if (thread.isAlive()) {
            consumer.wakeup();
            thread.join(10_000);
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
        }
    }
}
