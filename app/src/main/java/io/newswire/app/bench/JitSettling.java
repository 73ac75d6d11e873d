package io.newswire.app.bench;

import java.time.Duration;

/**
 * Waits, after a warm-up, until the JIT compiler has worked through what the warm-up queued. On two busy cores
 * the C2 compiler was still at a third of the process's CPU samples in the first tens of seconds after a
 * 10,000-article warm-up, compiling what the warm-up had made hot: CPU that a steady pipeline does not spend,
 * counted per timed article. The compiler's own clock ({@code CompilationMXBean}) only moves when a compilation
 * ends, and one of a large method takes seconds on a loaded machine, so the sign used is the process's CPU:
 * with no articles in flight, what still burns CPU is the compiler.
 */
final class JitSettling {

    private static final long WINDOW_NANOS = 1_000_000_000L;
    /** Idle: less than this share of one core over a window (an idle broker and pipeline use a few %). */
    private static final double IDLE_CORE_SHARE = 0.10;

    private JitSettling() {
    }

    /** @return seconds waited: at most {@code max}, none where the JVM does not tell its CPU time */
    static long await(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long before = CpuClock.processCpuNanos();
        if (before < 0) {
            return 0;
        }
        while (System.nanoTime() - start < max.toNanos()) {
            Thread.sleep(WINDOW_NANOS / 1_000_000);
            long now = CpuClock.processCpuNanos();
            if (now - before < IDLE_CORE_SHARE * WINDOW_NANOS) {
                break;
            }
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - start).toSeconds();
    }
}
