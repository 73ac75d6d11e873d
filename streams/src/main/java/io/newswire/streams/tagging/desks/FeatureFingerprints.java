package io.newswire.streams.tagging.desks;

import io.newswire.streams.tagging.analysis.TermHash;

/**
 * 64-bit fingerprints of features, computed from a term's chars in place, and for a bigram from its two
 * terms' fingerprints, so that scoring never builds a String nor copies chars. With a few hundred thousand
 * features, the chance that an unknown feature shares a known one's fingerprint is about 10^-14 per lookup.
 */
final class FeatureFingerprints {

    private static final long BIGRAM_SALT = 0x9e3779b97f4a7c15L;

    private FeatureFingerprints() {
    }

    /** The fingerprint of a term (a unigram feature): {@link TermHash}, which the analysis keeps per word. */
    static long term(char[] chars, int offset, int length) {
        return TermHash.of(chars, offset, length);
    }

    /** The fingerprint of two neighbouring terms (a bigram feature), order-sensitive. */
    static long bigram(long first, long second) {
        return TermHash.mix(first * 31 + Long.rotateLeft(second, 17) + BIGRAM_SALT);
    }

    /** The fingerprint of a feature as the trainer names it: a term, or two terms joined by a space. */
    static long of(String feature) {
        char[] chars = feature.toCharArray();
        int joiner = feature.indexOf(DeskFeatures.BIGRAM_JOINER);
        if (joiner < 0) {
            return term(chars, 0, chars.length);
        }
        return bigram(term(chars, 0, joiner), term(chars, joiner + 1, chars.length - joiner - 1));
    }
}
