package io.newswire.streams.tagging.entities.names;

/**
 * The model's weight sums of the name finder's context features that take few values (the shapes of the
 * token and its neighbours with the gaps between them, how the text writes the word and what the finder
 * made of it before, its place in the run and its gazetteer mark), worked out once for every value: a
 * token reads each group with one array read, where hashing each feature and probing the model's table
 * for it cost more than the rest of its features. The sums are the model's own integers, so a token's
 * total is the same whichever way it was added up ({@link NameModel#sum}).
 */
final class ContextSums {

    /** Gazetteer marks ({@link KnownNames#of}) below this are in the run table; a model's always are. */
    static final int KNOWN = 32;
    /** Run lengths 1 to 4 and positions 0 to 3 ({@link NameFeatures}'s run features). */
    private static final int LENGTHS = 4;
    private static final int POSITIONS = 4;
    /** Values of {@link DocumentWords#of}. */
    private static final int CASINGS = 4;
    private static final int LABELS = NameLabels.COUNT;

    /** By shape of the token, of the one before and after, and the gaps before and after it. */
    private final int[] shapes;
    /** By how the text writes the word, its shape, whether a sentence starts there and what it was before. */
    private final int[] casing;
    /** By run length, position in the run and gazetteer mark. */
    private final int[] run;
    /** The two features of a word that is in no longer run elsewhere in the text. */
    private final int[] noLongerRun = new int[LABELS];

    ContextSums(NameModel model) {
        int s = NameFeatures.SHAPES;
        int g = NameFeatures.GAPS;
        long[] features = new long[4];
        shapes = new int[s * s * s * g * g * LABELS];
        for (int s0 = 0; s0 < s; s0++) {
            for (int sm1 = 0; sm1 < s; sm1++) {
                for (int sp1 = 0; sp1 < s; sp1++) {
                    for (int before = 0; before < g; before++) {
                        for (int after = 0; after < g; after++) {
                            features[0] = NameFeatures.shapeOf(s0);
                            features[1] = NameFeatures.shapeBefore(sm1, before);
                            features[2] = NameFeatures.shapeAfter(sp1, after);
                            features[3] = NameFeatures.shapes(s0, sm1, sp1);
                            model.sum(features, 4, shapes, shapeIndex(s0, sm1, sp1, before, after));
                        }
                    }
                }
            }
        }
        casing = new int[CASINGS * s * 2 * NameFeatures.REMEMBERED * LABELS];
        for (int c = 0; c < CASINGS; c++) {
            for (int s0 = 0; s0 < s; s0++) {
                for (int starts = 0; starts < 2; starts++) {
                    for (int r = 0; r < NameFeatures.REMEMBERED; r++) {
                        features[0] = NameFeatures.casing(c, s0, starts == 1);
                        features[1] = NameFeatures.memory(s0, r);
                        model.sum(features, 2, casing, casingIndex(c, s0, starts == 1, r));
                    }
                }
            }
        }
        run = new int[LENGTHS * POSITIONS * KNOWN * LABELS];
        for (int length = 1; length <= LENGTHS; length++) {
            for (int position = 0; position < POSITIONS; position++) {
                for (int known = 0; known < KNOWN; known++) {
                    features[0] = NameFeatures.runShape(length, position);
                    features[1] = NameFeatures.mix(35, known);
                    features[2] = NameFeatures.mix(36, known * 8L + position);
                    model.sum(features, 3, run, runIndex(length, position, known));
                }
            }
        }
        features[0] = NameFeatures.mix(32, 0);
        features[1] = NameFeatures.mix(33, 0);
        model.sum(features, 2, noLongerRun, 0);
    }

    private static int shapeIndex(int s0, int sm1, int sp1, int before, int after) {
        int s = NameFeatures.SHAPES;
        int g = NameFeatures.GAPS;
        return ((((s0 * s + sm1) * s + sp1) * g + before) * g + after) * LABELS;
    }

    private static int casingIndex(int casingOf, int s0, boolean starts, int remembered) {
        return (((casingOf * NameFeatures.SHAPES + s0) * 2 + (starts ? 1 : 0)) * NameFeatures.REMEMBERED + remembered)
                * LABELS;
    }

    private static int runIndex(int length, int position, int known) {
        return (((length - 1) * POSITIONS + position) * KNOWN + known) * LABELS;
    }

    /** The features of the token's shape, its neighbours' and the gaps between them. */
    void addShapes(int s0, int sm1, int sp1, int before, int after, int[] sums) {
        add(shapes, shapeIndex(s0, sm1, sp1, before, after), sums);
    }

    /** How the text writes the word elsewhere, with its shape and a sentence start; and what it was before. */
    void addCasing(int casingOf, int s0, boolean starts, int remembered, int[] sums) {
        add(casing, casingIndex(casingOf, s0, starts, remembered), sums);
    }

    /** The run's length and the token's place in it, and its gazetteer mark (below {@link #KNOWN}). */
    void addRun(int length, int position, int known, int[] sums) {
        add(run, runIndex(length, position, known), sums);
    }

    /** The word is in no longer run elsewhere in the text. */
    void addNoLongerRun(int[] sums) {
        add(noLongerRun, 0, sums);
    }

    private static void add(int[] table, int at, int[] sums) {
        for (int l = 0; l < LABELS; l++) {
            sums[l] += table[at + l];
        }
    }
}
