package io.newswire.streams.tagging.analysis;

import java.util.Arrays;

/**
 * Lowercased word → a dense int id (0, 1, 2, … in the order words are first put), looked up by a 64-bit hash
 * of the word's chars that the caller computes while lowercasing them. The caller keeps what it knows about
 * each word in flat arrays indexed by that id, so a token costs one look-up here and then reads of primitive
 * arrays, instead of several hash tables or an object per word.
 *
 * <p>Open addressing over one flat {@code long[]} kept at most half full, each slot two longs side by side (the
 * hash, then the id + 1, the word's length and where its chars start; 0 is an empty slot), so a probe touches
 * one cache line; the words' chars are kept one after another in one {@code char[]}, compared (one more cache
 * line) only when the hash and the length match. Lucene's
 * {@code CharArrayMap} did the same job with more probes (up to 80 % full) that each dereference a key array.
 *
 * <p>Not thread-safe: one per thread. Bounded: the caller {@link #clear}s it when {@link #full} between two
 * texts (ids then start again from 0; within a text it may go past its bound, so that the text's ids stay
 * valid), and it refills with the words of the articles that follow (news repeats its vocabulary).
 */
final class WordTable {

    /** What {@link #get} returns for a word that is not in the table. */
    static final int ABSENT = -1;

    private static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    private static final int LONG_WORD = 255;

    private final int maxSize;
    /**
     * Slot {@code s}: the hash at {@code 2s}; at {@code 2s + 1} the id + 1 (low {@link #ID_BITS} bits; 0: empty),
     * the length (next 8 bits, {@link #LONG_WORD} when longer) and where the chars start in {@link #chars} (high 32 bits).
     */
    private long[] slots;
    private int mask;
    /** The chars of word {@code id} are {@code chars[charStart[id], charStart[id + 1])}. */
    private char[] chars = new char[1024];
    private int[] charStart = new int[65];
    private int size;

    WordTable(int initialCapacity, int maxSize) {
        this.maxSize = maxSize;
        allocate(Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1);
    }

    /** The id of the word {@code text[offset, offset + length)} whose hash is {@code hash}, or {@link #ABSENT}. */
    int get(long hash, char[] text, int offset, int length) {
        long[] table = slots;
        int slot = ((int) hash & mask) << 1;
        long entry;
        while ((entry = table[slot + 1]) != 0) {
            if (table[slot] == hash && sameWord(entry, text, offset, length)) {
                return (int) (entry & ID_MASK) - 1;
            }
            slot = (slot + 2) & (mask << 1 | 1);
        }
        return ABSENT;
    }

    private boolean sameWord(long entry, char[] text, int offset, int length) {
        int storedLength = (int) (entry >>> ID_BITS) & LONG_WORD;
        if (storedLength == LONG_WORD) {
            int id = (int) (entry & ID_MASK) - 1;
            storedLength = charStart[id + 1] - charStart[id];
        }
        if (storedLength != length) {
            return false;
        }
        // A plain loop: words are short, and the vectorised Arrays.equals costs more to set up than it saves.
        int from = (int) (entry >>> 32);
        char[] stored = chars;
        for (int k = 0; k < length; k++) {
            if (stored[from + k] != text[offset + k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the table holds as many words as it should: {@link #clear} it before the next text. */
    boolean full() {
        return size >= maxSize;
    }

    /** Adds a word that {@link #get} did not find, and returns its id (the number of words put before it). */
    int put(long hash, char[] text, int offset, int length) {
        if (size * 2 >= slots.length >> 1) {
            grow();
        }
        int id = size;
        if (charStart.length < id + 2) {
            charStart = Arrays.copyOf(charStart, charStart.length * 2);
        }
        int from = charStart[id];
        if (chars.length < from + length) {
            chars = Arrays.copyOf(chars, Math.max(from + length, chars.length * 2));
        }
        System.arraycopy(text, offset, chars, from, length);
        charStart[id + 1] = from + length;
        insert(hash, entry(id, from, length));
        size++;
        return id;
    }

    /** Forgets every word; ids start again from 0. */
    void clear() {
        Arrays.fill(slots, 0L);
        size = 0;
    }

    int size() {
        return size;
    }

    private static long entry(int id, int from, int length) {
        if (id + 1L > ID_MASK) {
            throw new IllegalStateException("more than " + ID_MASK + " words in one text");
        }
        return (long) from << 32 | (long) Math.min(length, LONG_WORD) << ID_BITS | (id + 1L);
    }

    private void insert(long hash, long entry) {
        int slot = ((int) hash & mask) << 1;
        while (slots[slot + 1] != 0) {
            slot = (slot + 2) & (mask << 1 | 1);
        }
        slots[slot] = hash;
        slots[slot + 1] = entry;
    }

    private void grow() {
        long[] old = slots;
        allocate((mask + 1) * 2);
        for (int s = 0; s < old.length; s += 2) {
            if (old[s + 1] != 0) {
                insert(old[s], old[s + 1]);
            }
        }
    }

    private void allocate(int capacity) {
        slots = new long[capacity * 2];
        mask = capacity - 1;
    }
}
