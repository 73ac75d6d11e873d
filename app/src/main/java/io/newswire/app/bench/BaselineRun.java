package io.newswire.app.bench;

import io.newswire.producer.ArticlePublisher;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    record Result(long records, double seconds, long bytes) {
        double recordsPerSec() {
            return records / seconds;
        }

        double megabytesPerSec() {
            return bytes / seconds / 1_000_000.0;
        }
    }

    private BaselineRun() {
    }

    static Result run(Properties clientConfig, String topic, List<Payload> payloads, long records, PrintStream out)
            throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicLong lastAckNanos = new AtomicLong();
        AtomicReference<Exception> error = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                ArticlePublisher.producerConfig(clientConfig), new ByteArraySerializer(), new ByteArraySerializer());
             ProgressLine progress = new ProgressLine(out, () -> String.format("baseline: %,d/%,d records acknowledged",
                     acked.get(), records))) {
            start = System.nanoTime();
            for (long i = 0; i < records && error.get() == null; i++) {
                Payload payload = payloads.get((int) (i % payloads.size()));
                bytes += payload.value().length;
                producer.send(new ProducerRecord<>(topic, payload.key(), payload.value()), (metadata, e) -> {
                    if (e != null) {
                        error.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                        lastAckNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                });
            }
            producer.flush();
        }
        if (error.get() != null) {
            throw new IllegalStateException("baseline producer failed: " + error.get().getMessage(), error.get());
        }
        return new Result(records, (lastAckNanos.get() - start) / 1e9, bytes);
    }
}
