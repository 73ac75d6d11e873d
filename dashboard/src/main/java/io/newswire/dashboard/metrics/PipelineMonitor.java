package io.newswire.dashboard.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.dashboard.metrics.DeadLetterReader.DeadLetter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the pipeline every two seconds for the pipeline page and {@code /metrics}: records into
 * {@code news.articles.raw}, out of Streams into {@code news.articles.tagged}, and into the sink (its
 * stored offsets); the sink consumer's lag per partition of {@code news.articles.tagged} and
 * {@code news.topic-daily}; the size of {@code news.articles.dlq} and its latest reasons. It only reads
 * offsets and the DLQ's newest records; it joins no group.
 */
public final class PipelineMonitor implements AutoCloseable {

    /** How far the sink is behind on one partition (offsets, transaction markers included). */
    public record PartitionLag(String topic, int partition, long endOffset, long sinkOffset, long lag) {
    }

    /**
     * What the pipeline page shows.
     *
     * @param available false until the first sample succeeded, or when Kafka does not answer ({@code error})
     */
    public record Snapshot(boolean available, String error, String sampledAt, double rawPerSecond,
                           double taggedPerSecond, double sinkPerSecond, long rawTotal, long taggedTotal,
                           long sinkTotal, List<PartitionLag> lag, long deadLetters,
                           List<DeadLetter> latestDeadLetters) {

        public static Snapshot unavailable(String error) {
            return new Snapshot(false, error, null, 0, 0, 0, 0, 0, 0, List.of(), 0, List.of());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PipelineMonitor.class);
    private static final Duration PERIOD = Duration.ofSeconds(2);

    private final Properties clientConfig;
    private final Topics topics;
    private final Supplier<Map<TopicPartition, Long>> sinkOffsets;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<TopicPartition, AtomicLong> lagGauges = new ConcurrentHashMap<>();
    private final AtomicLong rawTotal = new AtomicLong();
    private final AtomicLong taggedTotal = new AtomicLong();
    private final AtomicLong deadLetterTotal = new AtomicLong();
    private volatile Snapshot snapshot = Snapshot.unavailable("starting");
    private ScheduledExecutorService scheduler;
    private Admin admin;
    private DeadLetterReader deadLetterReader;
    // Only touched by the sampling thread.
    private Snapshot previous;

    /**
     * @param sinkOffsets where the sink consumer stands, per partition (read from the sink's own table)
     */
    public PipelineMonitor(Properties clientConfig, Topics topics, Supplier<Map<TopicPartition, Long>> sinkOffsets,
                           MeterRegistry registry, Clock clock) {
        this.clientConfig = clientConfig;
        this.topics = topics;
        this.sinkOffsets = sinkOffsets;
        this.registry = registry;
        this.clock = clock;
        FunctionCounter.builder("newswire.records.in", rawTotal, AtomicLong::get)
                .description("records on the raw articles topic").tag("topic", topics.raw().name()).register(registry);
        FunctionCounter.builder("newswire.records.tagged", taggedTotal, AtomicLong::get)
                .description("records Streams wrote to the tagged topic (offsets)")
                .tag("topic", topics.tagged().name()).register(registry);
        Gauge.builder("newswire.dlq.records", deadLetterTotal, AtomicLong::get)
                .description("records in the dead-letter topic").tag("topic", topics.dlq().name()).register(registry);
    }

    public void start() {
        Properties props = KafkaClientConfig.copy(clientConfig);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newswire-dashboard");
        // A dead cluster must show as "unavailable" on the page within seconds, not block the sampler.
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        admin = Admin.create(props);
        deadLetterReader = new DeadLetterReader(clientConfig);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newswire-dashboard-monitor");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sampleQuietly, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    private void sampleQuietly() {
        try {
            snapshot = sample();
            previous = snapshot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            LOG.warn("pipeline sample failed: {}", reason);
            snapshot = Snapshot.unavailable("cannot read offsets from Kafka: " + reason);
        }
    }

    private Snapshot sample() throws Exception {
        List<String> names = List.of(topics.raw().name(), topics.tagged().name(), topics.topicDaily().name(),
                topics.dlq().name());
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                .get(10, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(d -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        List<TopicPartition> dlqPartitions = partitions.stream()
                .filter(tp -> tp.topic().equals(topics.dlq().name())).toList();
        Map<TopicPartition, Long> stored = sinkOffsets.get();

        long raw = sum(end, topics.raw().name());
        long tagged = sum(end, topics.tagged().name());
        long sink = stored.entrySet().stream().filter(e -> e.getKey().topic().equals(topics.tagged().name())
                || e.getKey().topic().equals(topics.topicDaily().name())).mapToLong(Map.Entry::getValue).sum();
        List<PartitionLag> lag = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (tp.topic().equals(topics.tagged().name()) || tp.topic().equals(topics.topicDaily().name())) {
                long sinkOffset = stored.getOrDefault(tp, 0L);
                long behind = Math.max(0, end.get(tp) - sinkOffset);
                lag.add(new PartitionLag(tp.topic(), tp.partition(), end.get(tp), sinkOffset, behind));
                lagGauge(tp).set(behind);
            }
        }
        lag.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        Map<TopicPartition, Long> dlqEnd = new HashMap<>();
        dlqPartitions.forEach(tp -> dlqEnd.put(tp, end.get(tp)));
        deadLetterReader.catchUp(dlqEnd);
        long deadLetters = deadLetterReader.count();
        rawTotal.set(raw);
        taggedTotal.set(tagged);
        deadLetterTotal.set(deadLetters);

        Instant now = clock.instant();
        double rawRate = 0;
        double taggedRate = 0;
        double sinkRate = 0;
        if (previous != null && previous.available()) {
            double seconds = Math.max(0.001, Duration.between(Instant.parse(previous.sampledAt()), now).toMillis() / 1000.0);
            rawRate = rate(raw - previous.rawTotal(), seconds);
            taggedRate = rate(tagged - previous.taggedTotal(), seconds);
            sinkRate = rate(sink - previous.sinkTotal(), seconds);
        }
        return new Snapshot(true, null, now.toString(), rawRate, taggedRate, sinkRate, raw, tagged, sink,
                List.copyOf(lag), deadLetters, deadLetterReader.latest());
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        // Committed data only: the last stable offset is what a read_committed consumer can reach.
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private AtomicLong lagGauge(TopicPartition tp) {
        return lagGauges.computeIfAbsent(tp, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("newswire.consumer.lag", value, AtomicLong::get)
                    .description("records the sink consumer has yet to write")
                    .tag("topic", p.topic()).tag("partition", String.valueOf(p.partition()))
                    .register(registry);
            return value;
        });
    }

    private static long sum(Map<TopicPartition, Long> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static double rate(long delta, double seconds) {
        return Math.round(Math.max(0, delta) / seconds * 10) / 10.0;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetterReader != null) {
            deadLetterReader.close();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
