package io.newswire.app.bench;

import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.producer.ArticlePublisher;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The latency phase: articles sent at a fixed rate; for each, the time from its send to the sink commit
 * that holds it (seen by the consumer's after-commit callback). The send time is the one the schedule
 * intended, not when the send happened, so a stalled producer shows up in the figures instead of hiding
 * (no coordinated omission). Exact re-sends are sent but not timed: their id is already in flight.
 */
final class LatencyRun {

    /**
     * Latencies in milliseconds; {@code missing} never reached the sink within the wait. {@code cpuCores}: the
     * JVM's CPU time while it sent, per second of wall clock (broker, pipeline and bench together; against the
     * machine's cores, how close to saturation the rate is); {@code senderCpuCores}: the same of the thread that
     * made and sent the articles, which shares those cores with the pipeline; {@code jitCpuCores}: the same of
     * the JIT compiler's threads, still compiling what small batches run. -1 where the JVM cannot tell.
     */
    record Result(int rate, double seconds, int samples, int missing, double p50Ms, double p95Ms, double p99Ms,
                  double maxMs, double cpuCores, double senderCpuCores, double jitCpuCores) {
    }

    private LatencyRun() {
    }

    static Result run(ArticlePublisher publisher, ArticleGenerator generator, int rate, Duration duration,
                      SinkCommits commits, PrintStream out) throws InterruptedException {
        long total = rate * duration.toSeconds();
        Map<String, Long> inFlight = new ConcurrentHashMap<>();
        long[] latencies = new long[(int) total];
        int[] count = {0};
        commits.listen((TaggedArticle article, long commitNanos) -> {
            Long sent = inFlight.remove(article.id());
            if (sent != null) {
                synchronized (latencies) {
                    if (count[0] < latencies.length) {
                        latencies[count[0]++] = commitNanos - sent;
                    }
                }
            }
        });
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] sent = {0};
        CpuReading cpuStart;
        CpuReading cpuEnd;
        long wallNanos;
        try (ProgressLine progress = new ProgressLine(out, () -> String.format(
                "latency: sent %,d/%,d at %,d articles/s, %,d in flight", sent[0], total, rate, inFlight.size()))) {
            long start = System.nanoTime();
            cpuStart = CpuReading.now();
            for (long i = 0; i < total; i++) {
                long intended = start + i * intervalNanos;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long resendsBefore = generator.exactResends();
                Article article = generator.next();
                if (generator.exactResends() == resendsBefore) {
                    inFlight.putIfAbsent(article.id(), intended);
                }
                publisher.publish(article);
                sent[0] = i + 1;
            }
            publisher.flush();
            cpuEnd = CpuReading.now();
            wallNanos = System.nanoTime() - start;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            commits.listen(null);
        }
        long[] sorted;
        synchronized (latencies) {
            sorted = Arrays.copyOf(latencies, count[0]);
        }
        Arrays.sort(sorted);
        return new Result(rate, duration.toSeconds(), sorted.length, inFlight.size(),
                percentileMs(sorted, 0.50), percentileMs(sorted, 0.95), percentileMs(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                perWallNanos(cpuStart.process(), cpuEnd.process(), wallNanos),
                perWallNanos(cpuStart.sender(), cpuEnd.sender(), wallNanos),
                perWallNanos(cpuStart.jit(), cpuEnd.jit(), wallNanos));
    }

    /** The CPU clocks the run reads, in nanoseconds: the JVM's, the sending thread's, the JIT compiler's. */
    private record CpuReading(long process, long sender, long jit) {

        /** Read on the sending thread. */
        static CpuReading now() {
            return new CpuReading(CpuClock.processCpuNanos(), CpuClock.threadCpuNanos(), CpuClock.compilerCpuNanos());
        }
    }

    /** CPU nanoseconds between two readings per wall-clock nanosecond, or -1 when a reading is missing. */
    private static double perWallNanos(long cpuStart, long cpuEnd, long wallNanos) {
        return cpuStart < 0 || cpuEnd < 0 || wallNanos <= 0 ? -1 : (double) (cpuEnd - cpuStart) / wallNanos;
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double percentileMs(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
