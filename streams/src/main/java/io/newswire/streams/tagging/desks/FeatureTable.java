package io.newswire.streams.tagging.desks;

/**
 * Feature fingerprint → row, an open-addressing hash table over one flat {@code long[]} (no objects per entry),
 * each slot the fingerprint and the row side by side, so that a look-up (mostly a cache miss: the table is
 * larger than the cache) touches one cache line, not one in a key array and another in a row array. Built once
 * when a model loads and read-only after.
 */
final class FeatureTable {

    static final int ABSENT = -1;
    /** 0 marks an empty slot; a feature whose fingerprint is 0 is stored as this instead. */
    private static final long ZERO_STAND_IN = 1L;

    /** Slot {@code s}: the fingerprint at {@code 2s} (0: empty), the row at {@code 2s + 1}. */
    private final long[] slots;
    private final int mask;

    FeatureTable(int expected) {
        // At most half full: short probe sequences.
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        this.slots = new long[capacity * 2];
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
        while (slots[2 * slot] != 0) {
            if (slots[2 * slot] == key) {
                throw new IllegalStateException("two desk features share fingerprint " + Long.toHexString(key));
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = row;
    }

    /** The row of the feature with this fingerprint, or {@link #ABSENT}. */
    int get(long fingerprint) {
        long key = fingerprint == 0 ? ZERO_STAND_IN : fingerprint;
        long[] table = slots;
        int slot = (int) key & mask;
        long found;
        while ((found = table[2 * slot]) != 0) {
            if (found == key) {
                return (int) table[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }
}
