package io.newswire.streams.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 64-bit SimHash of a text over its word shingles (three words each): texts that share most of their
 * shingles get fingerprints that differ in few bits, so "the same story lightly edited" is a small Hamming
 * distance (Charikar 2002; Manku et al. 2007 use 64 bits and a distance of 3 for near-duplicate web pages).
 */
public final class SimHash {

    static final int SHINGLE_WORDS = 3;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Enough text to fingerprint a story; the rest of a long body only costs time. */
    private static final int MAX_CHARS = 50_000;

    private SimHash() {
    }

    public static long of(String text) {
        String scanned = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<String> words = words(scanned);
        int[] votes = new int[64];
        int shingles = Math.max(1, words.size() - SHINGLE_WORDS + 1);
        for (int i = 0; i < shingles; i++) {
            String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE_WORDS)));
            long hash = hash64(shingle);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
            }
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

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** FNV-1a over the UTF-8 bytes, then the SplitMix64 finaliser so every bit depends on every byte. */
    static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash;
    }
}
