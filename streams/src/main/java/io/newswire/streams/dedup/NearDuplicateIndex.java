package io.newswire.streams.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprints of the retained originals, in memory, bucketed by band: finding an article's
 * near-duplicate costs a few array scans instead of one RocksDB range scan per band. It holds no ids
 * (16 bytes per fingerprint plus one long per band), so the heap stays small at a million articles; the
 * {@link Deduplicator} keeps ids and fingerprints in its state stores and rebuilds this index from them.
 *
 * <p>Entries are numbered in the order they were added; every bucket lists its numbers in that order, so
 * the oldest entries, which expire first, are always at the front of their buckets.
 */
final class NearDuplicateIndex {

    private final SimHashBands bands;
    private final long retentionMs;
    private final List<Map<Long, Bucket>> buckets;
    private long[] fingerprints = new long[1024];
    private long[] times = new long[1024];
    /** Number of the oldest live entry. */
    private long head;
    /** Number the next entry gets. */
    private long tail;
    private long latestTime = Long.MIN_VALUE;

    NearDuplicateIndex(SimHashBands bands, long retentionMs) {
        this.bands = bands;
        this.retentionMs = retentionMs;
        this.buckets = new ArrayList<>(bands.count());
        for (int band = 0; band < bands.count(); band++) {
            buckets.add(new HashMap<>());
        }
    }

    /** The fingerprint of the earliest retained entry within the distance of this one, or null. */
    Long nearest(long fingerprint) {
        long best = Long.MAX_VALUE;
        for (int band = 0; band < bands.count(); band++) {
            Bucket bucket = buckets.get(band).get(bands.band(fingerprint, band));
            if (bucket == null) {
                continue;
            }
            for (int i = bucket.start; i < bucket.end && bucket.entries[i] < best; i++) {
                long entry = bucket.entries[i];
                if (bands.near(fingerprint, fingerprints[slot(entry)])) {
                    best = entry;
                    break;
                }
            }
        }
        return best == Long.MAX_VALUE ? null : fingerprints[slot(best)];
    }

    /** Adds an original's fingerprint seen at this record time, then drops what is past the retention. */
    void add(long fingerprint, long time) {
        if (tail - head == fingerprints.length) {
            grow();
        }
        long entry = tail++;
        fingerprints[slot(entry)] = fingerprint;
        times[slot(entry)] = time;
        for (int band = 0; band < bands.count(); band++) {
            buckets.get(band).computeIfAbsent(bands.band(fingerprint, band), key -> new Bucket()).add(entry);
        }
        latestTime = Math.max(latestTime, time);
        expire();
    }

    int size() {
        return (int) (tail - head);
    }

    /**
     * Drops entries from the oldest on while they are older than the retention before the latest record
     * time, as the window stores drop their segments. An entry added out of order waits behind a newer one.
     */
    private void expire() {
        long cutoff = latestTime - retentionMs;
        while (head < tail && times[slot(head)] < cutoff) {
            long fingerprint = fingerprints[slot(head)];
            for (int band = 0; band < bands.count(); band++) {
                Map<Long, Bucket> byValue = buckets.get(band);
                long value = bands.band(fingerprint, band);
                Bucket bucket = byValue.get(value);
                bucket.dropFirst();
                if (bucket.isEmpty()) {
                    byValue.remove(value);
                }
            }
            head++;
        }
    }

    private int slot(long entry) {
        return (int) (entry & (fingerprints.length - 1));
    }

    private void grow() {
        int capacity = fingerprints.length * 2;
        long[] newFingerprints = new long[capacity];
        long[] newTimes = new long[capacity];
        for (long entry = head; entry < tail; entry++) {
            newFingerprints[(int) (entry & (capacity - 1))] = fingerprints[slot(entry)];
            newTimes[(int) (entry & (capacity - 1))] = times[slot(entry)];
        }
        fingerprints = newFingerprints;
        times = newTimes;
    }

    /** Entry numbers of one band value, oldest first. */
    private static final class Bucket {
        private long[] entries = new long[4];
        private int start;
        private int end;

        void add(long entry) {
            if (end == entries.length) {
                if (start > entries.length / 2) {
                    System.arraycopy(entries, start, entries, 0, end - start);
                } else {
                    long[] bigger = new long[entries.length * 2];
                    System.arraycopy(entries, start, bigger, 0, end - start);
                    entries = bigger;
                }
                end -= start;
                start = 0;
            }
            entries[end++] = entry;
        }

        void dropFirst() {
            start++;
        }

        boolean isEmpty() {
            return start == end;
        }
    }
}
