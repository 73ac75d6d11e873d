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

    /**
     * The fingerprint of the parts read as one text, with a word break between them (an article's title
     * and body without copying them into one string).
     */
    public static long of(String... parts) {
        Shingles shingles = new Shingles();
        int budget = MAX_CHARS;
        for (String part : parts) {
            int end = Math.min(part.length(), budget);
            shingles.read(part, end);
            shingles.endWord();
            budget -= end;
        }
        return shingles.fingerprint();
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Words as they are read, hashed one character at a time; each full window of words is a shingle that votes. */
    private static final class Shingles {
        private final Votes votes = new Votes();
        /** The hashes of the last SHINGLE_WORDS words, oldest first. */
        private final long[] window = new long[SHINGLE_WORDS];
        private int words;
        private long word = FNV_OFFSET;
        private boolean inWord;

        void read(String text, int end) {
            for (int i = 0; i < end; ) {
                int c = text.charAt(i);
                int lower;
                if (c < 128) {
                    // ASCII, most of the text: a letter or digit test and lower-casing without Unicode tables.
                    i++;
                    int folded = c | 0x20;
                    lower = folded >= 'a' && folded <= 'z' ? folded : c >= '0' && c <= '9' ? c : -1;
                } else {
                    c = text.codePointAt(i);
                    i += Character.charCount(c);
                    lower = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
                }
                if (lower >= 0) {
                    word = (word ^ lower) * FNV_PRIME;
                    inWord = true;
                } else {
                    endWord();
                }
            }
        }

        /** Ends the word being read, if any; once the window is full every new word completes a shingle. */
        void endWord() {
            if (!inWord) {
                return;
            }
            if (words < SHINGLE_WORDS) {
                window[words] = word;
            } else {
                System.arraycopy(window, 1, window, 0, SHINGLE_WORDS - 1);
                window[SHINGLE_WORDS - 1] = word;
            }
            words++;
            if (words >= SHINGLE_WORDS) {
                votes.add(shingle(window, SHINGLE_WORDS));
            }
            word = FNV_OFFSET;
            inWord = false;
        }

        long fingerprint() {
            if (words < SHINGLE_WORDS) {
                // A text shorter than one shingle is fingerprinted by the words it has (none: a fixed value).
                votes.add(shingle(window, words));
            }
            return votes.majority();
        }
    }

    /** Order matters in a shingle ("a b c" is not "c b a"): each position rotates its word's hash differently. */
    private static long shingle(long[] window, int words) {
        long hash = words;
        for (int i = 0; i < words; i++) {
            hash ^= Long.rotateLeft(window[i], 21 * i + 1);
        }
        return mix(hash);
    }

    /**
     * Per bit, how many shingle hashes have it set. Eight byte-wide counters share a long, so one shingle
     * costs 8 additions instead of 64; they are emptied into ints before a byte can overflow.
     */
    private static final class Votes {
        private static final long LOW_BIT_OF_EVERY_BYTE = 0x0101010101010101L;
        private static final int BYTE_LIMIT = 255;
        private final long[] lanes = new long[8];
        private final int[] ones = new int[64];
        private int pending;
        private int shingles;

        void add(long hash) {
            for (int j = 0; j < 8; j++) {
                lanes[j] += (hash >>> j) & LOW_BIT_OF_EVERY_BYTE;
            }
            shingles++;
            if (++pending == BYTE_LIMIT) {
                flush();
            }
        }

        /** The fingerprint: a bit is set where more shingles have it set than not. */
        long majority() {
            flush();
            long fingerprint = 0;
            for (int bit = 0; bit < 64; bit++) {
                if (2 * ones[bit] > shingles) {
                    fingerprint |= 1L << bit;
                }
            }
            return fingerprint;
        }

        private void flush() {
            for (int j = 0; j < 8; j++) {
                for (int b = 0; b < 8; b++) {
                    ones[b * 8 + j] += (int) ((lanes[j] >>> (8 * b)) & 0xFF);
                }
                lanes[j] = 0;
            }
            pending = 0;
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
