package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import java.util.Arrays;

/**
 * What the whole text says about each of its words. How it writes them: which words it also writes in
 * lowercase ("the sanctions"), and which it capitalises away from a sentence start; a capitalised word at a
 * sentence start is then a name when the same text capitalises it elsewhere ("Sarkozy said… Sarkozy"), and
 * a common word when it also writes it in lowercase ("Sanctions were… the sanctions"). And the longest run
 * of name words it appears in, by its last word and the word before it: a later "Fonterra" alone is typed
 * by an earlier "Fonterra Co-operative Group", a "Howard" by an earlier "Mr Michael Howard". Reused: one
 * instance per thread.
 */
final class DocumentWords {

    static final int LOWER = 1;
    static final int CAPITALISED_INSIDE = 2;

    private long[] keys = new long[256];
    private int[] kinds = new int[256];
    private int[] runLength = new int[256];
    private long[] runLast = new long[256];
    private long[] runBefore = new long[256];
    private int[] remembered = new int[256];
    /** Slots in use for the current text: a power of two, at most the arrays' length. */
    private int capacity = 256;

    /** Reads the casing of every word of {@code text}, forgetting the previous text's. */
    void read(AnalyzedText text, int[] flags) {
        // Only the first `capacity` slots are used: a short article after a long one clears a few, allocates none.
        capacity = Integer.highestOneBit(Math.max(64, text.size() * 2)) << 1;
        if (keys.length < capacity) {
            keys = new long[capacity];
            kinds = new int[capacity];
            runLength = new int[capacity];
            runLast = new long[capacity];
            runBefore = new long[capacity];
            remembered = new int[capacity];
        } else {
            Arrays.fill(remembered, 0, capacity, 0);
            Arrays.fill(keys, 0, capacity, 0L);
            Arrays.fill(kinds, 0, capacity, 0);
            Arrays.fill(runLength, 0, capacity, 0);
        }
        readRuns(text, flags);
        for (int i = 0; i < text.size(); i++) {
            if (!text.is(i, AnalyzedText.ALPHA)) {
                continue;
            }
            int kind;
            if (!text.is(i, AnalyzedText.CAPITALISED)) {
                kind = LOWER;
            } else {
                int gap = NameFeatures.gapBefore(text, i);
                if (gap == NameFeatures.GAP_SENTENCE || gap == NameFeatures.GAP_EDGE
                        || text.is(i, AnalyzedText.ALL_CAPS)) {
                    continue;
                }
                kind = CAPITALISED_INSIDE;
            }
            int slot = slot(text.wordHash(i));
            keys[slot] = key(text.wordHash(i));
            kinds[slot] |= kind;
        }
    }

    /** Each capitalised word remembers the longest run of candidate tokens it is part of. */
    private void readRuns(AnalyzedText text, int[] flags) {
        int i = 0;
        while (i < text.size()) {
            if (flags[i] == 0) {
                i++;
                continue;
            }
            int first = i;
            while (i + 1 < text.size() && (flags[i + 1] & BioDecoder.MAY_CONTINUE) != 0) {
                i++;
            }
            int last = i;
            while (last > first && !text.is(last, AnalyzedText.CAPITALISED)) {
                last--;
            }
            int length = last - first + 1;
            long before = first > 0 ? text.wordHash(first - 1) : 0;
            for (int k = first; k <= last; k++) {
                if (!text.is(k, AnalyzedText.CAPITALISED)) {
                    continue;
                }
                int slot = slot(text.wordHash(k));
                keys[slot] = key(text.wordHash(k));
                if (length > runLength[slot]) {
                    runLength[slot] = length;
                    runLast[slot] = text.wordHash(last);
                    runBefore[slot] = before;
                }
            }
            i++;
        }
    }

    /**
     * What the finder made of the word the last time it met it in this text: 0 not yet, else one plus its
     * label's type (0 for outside a name).
     */
    int remembered(long wordHash) {
        int slot = slot(wordHash);
        return keys[slot] == key(wordHash) ? remembered[slot] : 0;
    }

    /** Remembers the label the finder gave to a capitalised word (see {@link #remembered}). */
    void remember(long wordHash, int label) {
        int slot = slot(wordHash);
        if (keys[slot] == key(wordHash)) {
            remembered[slot] = 2 + NameLabels.type(label);
        }
    }

    /** The last word of the longest run the word is part of in this text, or 0. */
    long runLast(long wordHash) {
        return runLastAt(find(wordHash));
    }

    /** The word before the longest run the word is part of in this text, or 0. */
    long runBefore(long wordHash) {
        return runBeforeAt(find(wordHash));
    }

    /** The length of the longest run the word is part of in this text (at most 4), or 0. */
    int runLength(long wordHash) {
        return runLengthAt(find(wordHash));
    }

    /**
     * Where the word's facts are in this text's table, or -1 when the text has none: for {@link #ofAt}, {@link
     * #runLengthAt}, {@link #runLastAt} and {@link #runBeforeAt}, one look-up for all four.
     */
    int find(long wordHash) {
        int slot = slot(wordHash);
        return keys[slot] == key(wordHash) ? slot : -1;
    }

    /** {@link #of} of the word at {@code slot} ({@link #find}). */
    int ofAt(int slot) {
        return slot < 0 ? 0 : kinds[slot];
    }

    /** {@link #runLength} of the word at {@code slot} ({@link #find}). */
    int runLengthAt(int slot) {
        return slot < 0 ? 0 : Math.min(4, runLength[slot]);
    }

    /** {@link #runLast} of the word at {@code slot} ({@link #find}). */
    long runLastAt(int slot) {
        return slot < 0 || runLength[slot] == 0 ? 0 : runLast[slot];
    }

    /** {@link #runBefore} of the word at {@code slot} ({@link #find}). */
    long runBeforeAt(int slot) {
        return slot < 0 || runLength[slot] == 0 ? 0 : runBefore[slot];
    }

    /** {@link #LOWER} and {@link #CAPITALISED_INSIDE} as the text writes the word elsewhere. */
    int of(long wordHash) {
        return ofAt(find(wordHash));
    }

    private int slot(long wordHash) {
        long key = key(wordHash);
        int mask = capacity - 1;
        int slot = (int) (key ^ (key >>> 29)) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long key(long wordHash) {
        return wordHash == 0 ? 1 : wordHash;
    }
}
