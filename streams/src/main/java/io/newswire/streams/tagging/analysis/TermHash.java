package io.newswire.streams.tagging.analysis;

/**
 * A 64-bit hash of a term's chars, computed in place (FNV-1a, then MurmurHash3's finaliser so that the low
 * bits are as good as the high ones). {@link AnalyzedText} keeps one per distinct word, so that a model keyed
 * by term hashes (the desks) reads an article without hashing a char again.
 */
public final class TermHash {

    /** FNV-1a's start and multiplier, for callers that hash chars as they go (then {@link #mix} the result). */
    public static final long FNV_OFFSET = 0xcbf29ce484222325L;
    public static final long FNV_PRIME = 0x100000001b3L;

    private TermHash() {
    }

    public static long of(char[] chars, int offset, int length) {
        long hash = FNV_OFFSET;
        for (int i = offset; i < offset + length; i++) {
            hash = (hash ^ chars[i]) * FNV_PRIME;
        }
        return mix(hash);
    }

    public static long of(String term) {
        return of(term.toCharArray(), 0, term.length());
    }

    /** MurmurHash3's finaliser: spreads FNV's weak low bits over the whole word. */
    public static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
