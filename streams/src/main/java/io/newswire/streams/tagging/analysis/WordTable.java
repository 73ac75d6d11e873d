package io.newswire.streams.tagging.analysis;

import java.util.Arrays;

/**
 * Lowercased word → what one thread knows about it, looked up by a 64-bit hash of the word's chars that the
 * caller computes while lowercasing them. Open addressing over two flat arrays kept at most half full, so a
 * look-up is usually one probe: one array read and one comparison of the hash, then of the chars to be exact.
 * Lucene's {@code CharArrayMap} did the same job with more probes (up to 80 % full) that each dereference a
 * key array, a quarter of the tagger's time on the BBC corpus.
 *
 * <p>Not thread-safe: one per thread. Bounded: when {@code maxSize} words are in, it is emptied and refills
 * with the words of the articles that follow (news repeats its vocabulary).
 */
final class WordTable<V> {

    private final int maxSize;
    private long[] hashes;
    private char[][] keys;
    private Object[] values;
    private int mask;
    private int size;

    WordTable(int initialCapacity, int maxSize) {
        this.maxSize = maxSize;
        allocate(Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1);
    }

    /** The value of the word {@code chars[offset, offset + length)} whose hash is {@code hash}, or null. */
    @SuppressWarnings("unchecked")
    V get(long hash, char[] chars, int offset, int length) {
        int slot = (int) hash & mask;
        char[] key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, chars, offset, offset + length)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** Adds a word that {@link #get} did not find. */
    void put(long hash, char[] chars, int offset, int length, V value) {
        if (size >= maxSize) {
            clear();
        } else if (size * 2 >= keys.length) {
            grow();
        }
        insert(hash, Arrays.copyOfRange(chars, offset, offset + length), value);
    }

    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        size = 0;
    }

    int size() {
        return size;
    }

    private void insert(long hash, char[] key, Object value) {
        int slot = (int) hash & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    private void grow() {
        long[] oldHashes = hashes;
        char[][] oldKeys = keys;
        Object[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldHashes[i], oldKeys[i], oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new long[capacity];
        keys = new char[capacity][];
        values = new Object[capacity];
        mask = capacity - 1;
        size = 0;
    }
}
