package io.newswire.streams.dedup;

/**
 * A 64-bit SimHash of a text over its word shingles (three words each): texts that share most of their
 * shingles get fingerprints that differ in few bits, so "the same story lightly edited" is a small Hamming
 * distance (Charikar 2002; Manku et al. 2007 use 64 bits and a distance of 3 for near-duplicate web pages).
 *
 * <p>It runs once per article on the single de-duplication task, so it allocates nothing per word: each
 * word is hashed as it is read (lower-cased), and a shingle's hash combines its words' hashes.
 */
public final class SimHash {

    static final int SHINGLE_WORDS = 3;
    /** Enough text to fingerprint a story; the rest of a long body only costs time. */
    private static final int MAX_CHARS = 50_000;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHash() {
    }

    public static long of(String text) {
        int end = Math.min(text.length(), MAX_CHARS);
        int[] votes = new int[64];
        // The hashes of the last SHINGLE_WORDS words, oldest first; words counts how many were read.
        long[] window = new long[SHINGLE_WORDS];
        int words = 0;
        long word = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < end; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                word = (word ^ Character.toLowerCase(c)) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                words = push(window, words, word, votes);
                word = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            words = push(window, words, word, votes);
        }
        if (words < SHINGLE_WORDS) {
            // A text shorter than one shingle is fingerprinted by the words it has (none: a fixed value).
            vote(votes, shingle(window, words));
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Adds a word; once the window is full every new word completes a shingle, which votes. */
    private static int push(long[] window, int words, long word, int[] votes) {
        if (words < SHINGLE_WORDS) {
            window[words] = word;
        } else {
            System.arraycopy(window, 1, window, 0, SHINGLE_WORDS - 1);
            window[SHINGLE_WORDS - 1] = word;
        }
        int count = words + 1;
        if (count >= SHINGLE_WORDS) {
            vote(votes, shingle(window, SHINGLE_WORDS));
        }
        return count;
    }

    /** Order matters in a shingle ("a b c" is not "c b a"): each position rotates its word's hash differently. */
    private static long shingle(long[] window, int words) {
        long hash = words;
        for (int i = 0; i < words; i++) {
            hash ^= Long.rotateLeft(window[i], 21 * i + 1);
        }
        return mix(hash);
    }

    private static void vote(int[] votes, long hash) {
        for (int bit = 0; bit < 64; bit++) {
            votes[bit] += (int) ((hash >>> bit) & 1L) * 2 - 1;
        }
    }

    /** The SplitMix64 finaliser, so every bit of the shingle's hash depends on every bit of its words'. */
    static long mix(long value) {
        long hash = value;
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash;
    }
}
