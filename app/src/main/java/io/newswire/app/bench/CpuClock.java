package io.newswire.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM (the embedded broker, Streams, the consumer and the bench are all in it). CPU per
 * article is the figure to compare configurations by on a shared machine: wall-clock rates move with
 * whatever else runs, the work per article much less.
 */
final class CpuClock {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuClock() {
    }

    /** CPU nanoseconds used by this process so far, or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU nanoseconds used so far by the calling thread, or -1 where the JVM cannot tell. */
    static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /**
     * CPU nanoseconds used so far by the JIT compiler's threads (HotSpot's "C1/C2 CompilerThread"), or -1
     * where the system does not tell (it is read from Linux's {@code /proc/self/task/}). A JVM that is still
     * compiling spends a share of its CPU on that, not on the articles: the bench shows it apart. Approximate
     * where the JVM stops compiler threads it no longer needs (their time leaves the sum); on two cores it
     * keeps one of each.
     */
    static long compilerCpuNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                total += compilerThreadNanos(thread);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return total;
    }

    /** The thread's CPU time when it is a compiler thread, else 0; 0 too for a thread that ended meanwhile. */
    private static long compilerThreadNanos(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"), StandardCharsets.US_ASCII);
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            // schedstat: nanoseconds on the CPU, then waiting, then time slices
            String schedstat = Files.readString(thread.resolve("schedstat"), StandardCharsets.US_ASCII).trim();
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Load average of the machine over the last minute (other processes included), or -1. */
    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
