package io.newswire.streams.tagging.desks;

/**
 * Feature fingerprint → row, an open-addressing hash table over two flat arrays (no objects per entry),
 * built once when a model loads and read-only after.
 */
final class FeatureTable {

    static final int ABSENT = -1;
    /** 0 marks an empty slot; a feature whose fingerprint is 0 is stored as this instead. */
    private static final long ZERO_STAND_IN = 1L;

    private final long[] keys;
    private final int[] rows;
    private final int mask;

    FeatureTable(int expected) {
        // At most half full: short probe sequences.
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        this.keys = new long[capacity];
        this.rows = new int[capacity];
        this.mask = capacity - 1;
    }

    /**
     * Adds a feature.
     *
     * @throws IllegalStateException if another feature has the same fingerprint (never seen in practice)
     */
    void put(long fingerprint, int row) {
        long key = fingerprint == 0 ? ZERO_STAND_IN : fingerprint;
        int slot = (int) key & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                throw new IllegalStateException("two desk features share fingerprint " + Long.toHexString(key));
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        rows[slot] = row;
    }

    /** The row of the feature with this fingerprint, or {@link #ABSENT}. */
    int get(long fingerprint) {
        long key = fingerprint == 0 ? ZERO_STAND_IN : fingerprint;
        int slot = (int) key & mask;
        long found;
        while ((found = keys[slot]) != 0) {
            if (found == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }
}
