package io.newswire.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap this JVM used during the bench (broker, Streams, consumer and bench together): the highest
 * used heap sampled every 50 ms, and the highest heap still in use right after a garbage collection (the
 * live set, what a heap cap must hold).
 */
final class HeapSampler implements AutoCloseable {

    private static final long SAMPLE_MS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener = this::onGc;
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final Thread sampler;
    private volatile boolean running = true;

    HeapSampler() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "newswire-bench-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = heapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
        peakUsed.accumulateAndGet(before, Math::max);
        peakAfterGc.accumulateAndGet(after, Math::max);
    }

    /** GcInfo also lists metaspace and the code cache: count the heap pools only. */
    private long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** Highest used heap seen, in MiB. */
    double peakUsedMiB() {
        return peakUsed.get() / (1024.0 * 1024.0);
    }

    /** Highest heap still used after a collection, in MiB. */
    double peakLiveMiB() {
        return peakAfterGc.get() / (1024.0 * 1024.0);
    }

    /** The heap cap of this JVM ({@code -Xmx}), in MiB. */
    double maxHeapMiB() {
        return memory.getHeapMemoryUsage().getMax() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // Never added: nothing to remove.
            }
        }
    }
}
