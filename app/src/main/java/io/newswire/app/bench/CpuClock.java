package io.newswire.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

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

    /** Load average of the machine over the last minute (other processes included), or -1. */
    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
