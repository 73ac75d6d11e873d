package io.newswire.streams.aggregation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregates last encoded on each thread, by the identity of the byte array each was encoded into. The
 * aggregate store's cache keeps the very array its {@code put} was given and hands it to the flush, which
 * decodes it to publish the summary: {@link #take} gives the aggregate it was made from instead, without
 * decoding. The same array means the same value: nothing changes a value's bytes once written (the cache and
 * the changelog's producer only read them, RocksDB copies them). Any other array is simply not found.
 *
 * <p>Per thread, because a Streams thread encodes and flushes its own tasks' aggregates and the serde is
 * shared; bounded, because an aggregate written twice between two flushes leaves its first array unused.
 */
final class WrittenAggregates {

    /** More than a commit interval's writes (~260 at 1,000 articles/s and a 50 ms interval). */
    static final int REMEMBERED = 2_048;

    private final ThreadLocal<Map<Bytes, TopicDayAggregate>> byBytes = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(REMEMBERED * 2, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Bytes, TopicDayAggregate> eldest) {
                    return size() > REMEMBERED;
                }
            });

    void remember(byte[] bytes, TopicDayAggregate aggregate) {
        byBytes.get().put(new Bytes(bytes), aggregate);
    }

    /** The aggregate these bytes were encoded from on this thread, forgotten once given; null if unknown. */
    TopicDayAggregate take(byte[] bytes) {
        return byBytes.get().remove(new Bytes(bytes));
    }

    /** An array compared by identity, not by content. */
    private static final class Bytes {
        private final byte[] array;

        Bytes(byte[] array) {
            this.array = array;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes bytes && bytes.array == array;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(array);
        }
    }
}
