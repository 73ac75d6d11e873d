package io.newswire.app.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Waits, after a warm-up, until the JIT compiler has worked through what the warm-up queued. On two busy cores
 * the C2 compiler was still at a third of the process's CPU samples in the first tens of seconds after a
 * 10,000-article warm-up: CPU that a steady pipeline does not spend, counted per timed article.
 */
final class JitSettling {

    /** The compiler counts as settled when it worked less than this in one second. */
    private static final long QUIET_MILLIS_PER_SECOND = 20;

    private JitSettling() {
    }

    /** @return seconds waited: at most {@code max}, at once where the JVM does not tell its compile time */
    static long await(Duration max) throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        long start = System.nanoTime();
        long before = compiler.getTotalCompilationTime();
        while (System.nanoTime() - start < max.toNanos()) {
            Thread.sleep(1_000);
            long now = compiler.getTotalCompilationTime();
            if (now - before < QUIET_MILLIS_PER_SECOND) {
                break;
            }
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - start).toSeconds();
    }
}
