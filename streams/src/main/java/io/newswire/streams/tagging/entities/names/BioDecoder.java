package io.newswire.streams.tagging.entities.names;

/**
 * The best labels of a run of candidate tokens (Viterbi over BIO, first order): each token's score for a
 * label is its label-independent score plus the score of that label after the previous token's label, and
 * the path with the highest sum wins. Inside labels are allowed only after a label of the same type and where
 * the token may continue a name; a token that is only a joining word ("of") may not begin one. The token
 * before a run is outside any name (it was not a candidate), so the run starts after {@link NameLabels#OUTSIDE}.
 */
final class BioDecoder {

    static final int LABELS = NameLabels.COUNT;
    /** The token may begin a name (it is not only a joining word). */
    static final int MAY_BEGIN = 1;
    /** Only spaces, a hyphen, an apostrophe or an abbreviation's dot separate it from the token before. */
    static final int MAY_CONTINUE = 2;

    /** {@link #allowed} for every pair of labels and the two flags above: {@code (flags * LABELS + previous) * LABELS + label}. */
    private static final boolean[] ALLOWED = new boolean[4 * LABELS * LABELS];

    static {
        for (int flags = 0; flags < 4; flags++) {
            for (int p = 0; p < LABELS; p++) {
                for (int l = 0; l < LABELS; l++) {
                    ALLOWED[(flags * LABELS + p) * LABELS + l] = allowed(p, l, flags);
                }
            }
        }
    }

    private BioDecoder() {
    }

    static boolean allowed(int previous, int label, int flags) {
        if (label == NameLabels.OUTSIDE) {
            return true;
        }
        if (NameLabels.isInside(label)) {
            return (flags & MAY_CONTINUE) != 0 && NameLabels.type(previous) == NameLabels.type(label);
        }
        return (flags & MAY_BEGIN) != 0;
    }

    /**
     * Decodes {@code length} tokens into {@code out}.
     *
     * @param emit  {@code emit[t * LABELS + l]}: the label-independent score of label l at token t
     * @param trans {@code trans[(t * LABELS + p) * LABELS + l]}: the score of l after p at token t (at t = 0
     *              only p = outside is read)
     * @param delta work space of at least {@code length * LABELS}
     * @param back  work space of at least {@code length * LABELS}
     */
    static void decode(int length, float[] emit, float[] trans, int[] flags, float[] delta, int[] back, int[] out) {
        for (int l = 0; l < LABELS; l++) {
            delta[l] = allowed(NameLabels.OUTSIDE, l, flags[0])
                    ? emit[l] + trans[NameLabels.OUTSIDE * LABELS + l] : Float.NEGATIVE_INFINITY;
        }
        for (int t = 1; t < length; t++) {
            int row = t * LABELS;
            int previousRow = row - LABELS;
            int allowedFrom = (flags[t] & (MAY_BEGIN | MAY_CONTINUE)) * LABELS * LABELS;
            for (int l = 0; l < LABELS; l++) {
                float best = Float.NEGATIVE_INFINITY;
                int from = NameLabels.OUTSIDE;
                for (int p = 0; p < LABELS; p++) {
                    float before = delta[previousRow + p];
                    if (before == Float.NEGATIVE_INFINITY || !ALLOWED[allowedFrom + p * LABELS + l]) {
                        continue;
                    }
                    float score = before + trans[(row + p) * LABELS + l];
                    if (score > best) {
                        best = score;
                        from = p;
                    }
                }
                delta[row + l] = best == Float.NEGATIVE_INFINITY ? best : best + emit[row + l];
                back[row + l] = from;
            }
        }
        int last = (length - 1) * LABELS;
        int label = NameLabels.OUTSIDE;
        for (int l = 1; l < LABELS; l++) {
            if (delta[last + l] > delta[last + label]) {
                label = l;
            }
        }
        for (int t = length - 1; t >= 0; t--) {
            out[t] = label;
            label = back[t * LABELS + label];
        }
    }
}
