package io.newswire.app.bench;

import io.newswire.producer.ArticlePublisher;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw Kafka limit the pipeline is compared with, after the logic of Kafka's own
 * {@code ProducerPerformance}: pre-serialised records (here real bench articles, so the same sizes and the
 * same compressibility) sent as fast as the producer takes them, with the pipeline producer's settings
 * (idempotent, acks=all, lz4, same batching), into a fresh topic; timed from the first send to the last
 * acknowledgement. Writes only its own topic.
 */
final class BaselineRun {

    /** One pre-serialised record: the article id and its JSON. */
    record Payload(byte[] key, byte[] value) {
    }

    /** @param seconds first send to last acknowledgement */
    record Result(long records, double seconds, long bytes, long cpuNanos) {
        double cpuMicrosPerRecord() {
            return cpuNanos / 1e3 / records;
        }

        double recordsPerSec() {
            return records / seconds;
        }

        double megabytesPerSec() {
            return bytes / seconds / 1_000_000.0;
        }
    }

    private BaselineRun() {
    }

    static Result run(Properties clientConfig, String topic, List<Payload> payloads, long warmup, long records,
                      PrintStream out)
            throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicLong lastAckNanos = new AtomicLong();
        AtomicReference<Exception> error = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        long cpuStart = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                ArticlePublisher.producerConfig(clientConfig), new ByteArraySerializer(), new ByteArraySerializer());
             ProgressLine progress = new ProgressLine(out, () -> String.format("baseline: %,d/%,d records acknowledged",
                     acked.get(), records))) {
            warmUp(producer, topic, payloads.get(0));
            send(producer, topic, payloads, warmup, error, () -> { });
            start = System.nanoTime();
            cpuStart = CpuClock.processCpuNanos();
            bytes = send(producer, topic, payloads, records, error, () -> {
                acked.incrementAndGet();
                lastAckNanos.accumulateAndGet(System.nanoTime(), Math::max);
            });
        }
        long cpu = CpuClock.processCpuNanos() - cpuStart;
        if (error.get() != null) {
            throw new IllegalStateException("baseline producer failed: " + error.get().getMessage(), error.get());
        }
        return new Result(records, (lastAckNanos.get() - start) / 1e9, bytes, cpu);
    }

    /**
     * Sends {@code count} records cycling through the payloads, as fast as the producer takes them, until
     * the first failure; waits for every acknowledgement. Returns the bytes sent.
     */
    private static long send(KafkaProducer<byte[], byte[]> producer, String topic, List<Payload> payloads, long count,
                             AtomicReference<Exception> error, Runnable onAck) {
        long bytes = 0;
        for (long i = 0; i < count && error.get() == null; i++) {
            Payload payload = payloads.get((int) (i % payloads.size()));
            bytes += payload.value().length;
            producer.send(new ProducerRecord<>(topic, payload.key(), payload.value()), (metadata, e) -> {
                if (e != null) {
                    error.compareAndSet(null, e);
                } else {
                    onAck.run();
                }
            });
        }
        producer.flush();
        return bytes;
    }

    /**
     * One record per partition, each waited for, before the clock starts: a fresh topic's partitions may
     * not have a leader yet, and a first batch retried after NOT_LEADER_OR_FOLLOWER while later batches
     * went through leaves an idempotent producer stuck on OUT_OF_ORDER_SEQUENCE_NUMBER until it times out.
     */
    private static void warmUp(KafkaProducer<byte[], byte[]> producer, String topic, Payload payload)
            throws InterruptedException {
        for (PartitionInfo partition : producer.partitionsFor(topic)) {
            try {
                producer.send(new ProducerRecord<>(topic, partition.partition(), payload.key(), payload.value()))
                        .get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot write to " + topic + ": " + e.getMessage(), e);
            }
        }
    }
}
