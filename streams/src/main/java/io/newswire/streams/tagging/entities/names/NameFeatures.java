package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.TermHash;

/**
 * The features of one token for the name finder, as 64-bit hashes: the word and its neighbours two either
 * side, their shapes (capitalised, all capitals, number…), what separates them (a space, a comma, a sentence
 * end), the last three letters, whether a sentence starts here, and the label given to the previous token.
 * Made from the same {@link AnalyzedText} at training and at tagging time, so both see identical tokens.
 */
final class NameFeatures {

    /** Most label-independent features of one token. */
    static final int MAX = 40;
    /** Values of {@link #shape}. */
    static final int SHAPES = 7;
    /** Values of {@link #gapBefore}. */
    static final int GAPS = 5;
    /** Features that depend on the previous label. */
    static final int HISTORY = 2;
    /** Values of {@link #historyContext}. */
    static final int CONTEXTS = 64;
    /** Run lengths above this share one feature value. */
    private static final int MAX_RUN = 4;
    /** Characters of a token read for its pattern. */
    private static final int MAX_PATTERN = 24;

    /** The word hash of a neighbour beyond the text's edge. */
    static final long NO_WORD = 0x5bd1e9955bd1e995L;

    private static final int SHAPE_LOWER = 0;
    private static final int SHAPE_CAPITALISED = 1;
    private static final int SHAPE_ALL_CAPS = 2;
    private static final int SHAPE_INITIAL = 3;
    private static final int SHAPE_NUMBER = 4;
    private static final int SHAPE_OTHER = 5;
    private static final int SHAPE_NONE = 6;

    static final int GAP_SPACE = 0;
    static final int GAP_COMMA = 1;
    static final int GAP_SENTENCE = 2;
    static final int GAP_OTHER = 3;
    static final int GAP_EDGE = 4;

    private NameFeatures() {
    }

    /** Features of a word alone ({@link #ofWord}). */
    static final int WORD = 5;

    /** Fills {@code out} with the features of token {@code i} that do not depend on the labels; returns how many. */
    static int of(AnalyzedText text, int[] flags, DocumentWords casing, int i, long[] out) {
        return of(text, flags, casing, i, out, true);
    }

    /**
     * The same without the features that depend on one word alone: the token's own ({@link #ofWord}) and each
     * neighbour's ({@link #neighbour}), which the finder sums once per distinct word, not once per token.
     */
    static int ofContext(AnalyzedText text, int[] flags, DocumentWords casing, int i, long[] out) {
        return of(text, flags, casing, i, out, false);
    }

    /** The {@link #WORD} features of token {@code i}'s word alone, whatever surrounds it, into {@code out}. */
    static void ofWord(AnalyzedText text, int i, long[] out) {
        out[0] = mix(1, 0);
        out[1] = mix(2, text.wordHash(i));
        out[2] = mix(10, text.suffixHash(i));
        out[3] = mix(20, text.prefixHash(i));
        out[4] = mix(21, text.longSuffixHash(i));
    }

    /**
     * The feature of a word {@code offset} tokens away (-2, -1, 1 or 2), by its hash ({@link
     * AnalyzedText#wordHash}, or {@link #NO_WORD} beyond the text's edge).
     */
    static long neighbour(int offset, long wordHash) {
        return switch (offset) {
            case -1 -> mix(3, wordHash);
            case 1 -> mix(4, wordHash);
            case -2 -> mix(5, wordHash);
            case 2 -> mix(6, wordHash);
            default -> throw new IllegalArgumentException("no neighbour feature at " + offset);
        };
    }

    private static int of(AnalyzedText text, int[] flags, DocumentWords casing, int i, long[] out, boolean words) {
        int n = 0;
        long w0 = text.wordHash(i);
        long wm1 = i > 0 ? text.wordHash(i - 1) : NO_WORD;
        long wp1 = i + 1 < text.size() ? text.wordHash(i + 1) : NO_WORD;
        long wm2 = i > 1 ? text.wordHash(i - 2) : NO_WORD;
        long wp2 = i + 2 < text.size() ? text.wordHash(i + 2) : NO_WORD;
        int s0 = shape(text, i);
        int sm1 = i > 0 ? shape(text, i - 1) : SHAPE_NONE;
        int sp1 = i + 1 < text.size() ? shape(text, i + 1) : SHAPE_NONE;
        int gapBefore = gapBefore(text, i);
        int gapAfter = i + 1 < text.size() ? gapBefore(text, i + 1) : GAP_EDGE;
        if (words) {
            // in this order for the trainer: its float sums, and so the model, depend on it
            out[n++] = mix(1, 0);
            out[n++] = mix(2, w0);
            out[n++] = neighbour(-1, wm1);
            out[n++] = neighbour(1, wp1);
            out[n++] = neighbour(-2, wm2);
            out[n++] = neighbour(2, wp2);
        }
        out[n++] = shapeOf(s0);
        out[n++] = shapeBefore(sm1, gapBefore);
        out[n++] = shapeAfter(sp1, gapAfter);
        if (words) {
            out[n++] = mix(10, text.suffixHash(i));
        }
        out[n++] = mix(13, w0 * 31 + (gapBefore == GAP_SENTENCE || gapBefore == GAP_EDGE ? 1 : 0));
        out[n++] = mix(14, w0 * 31 + wp1);
        out[n++] = mix(15, wm1 * 31 + w0);
        out[n++] = shapes(s0, sm1, sp1);
        out[n++] = mix(17, wm1 * 31 + gapBefore);
        out[n++] = mix(18, wp1 * 31 + gapAfter);
        if (words) {
            out[n++] = mix(20, text.prefixHash(i));
            out[n++] = mix(21, text.longSuffixHash(i));
        }
        out[n++] = mix(22, wm1 * 31 + wp1);
        boolean starts = gapBefore == GAP_SENTENCE || gapBefore == GAP_EDGE;
        out[n++] = casing(casing.of(w0), s0, starts);
        out[n++] = mix(31, pattern(text, i));
        return runFeatures(text, flags, casing, i, out, n);
    }

    /**
     * The features of {@link #ofContext} and {@link #memory} (with {@code remembered}) for the finder, in two
     * parts: those of few values (shapes, gaps, casing, place in the run, the gazetteer's mark, no longer run
     * elsewhere) are added from {@code small} into {@code sums}; the rest, which hold words, go into {@code
     * out}. Returns how many are in {@code out}. The same features as the two calls, so the same sums.
     */
    static int ofContextSplit(AnalyzedText text, int[] flags, DocumentWords casing, int i, int remembered,
                              ContextSums small, int[] sums, long[] out) {
        int n = 0;
        int size = text.size();
        long w0 = text.wordHash(i);
        long wm1 = i > 0 ? text.wordHash(i - 1) : NO_WORD;
        long wp1 = i + 1 < size ? text.wordHash(i + 1) : NO_WORD;
        int s0 = shape(text, i);
        int sm1 = i > 0 ? shape(text, i - 1) : SHAPE_NONE;
        int sp1 = i + 1 < size ? shape(text, i + 1) : SHAPE_NONE;
        int gapBefore = gapBefore(text, i);
        int gapAfter = i + 1 < size ? gapBefore(text, i + 1) : GAP_EDGE;
        boolean starts = gapBefore == GAP_SENTENCE || gapBefore == GAP_EDGE;
        int word = casing.find(w0);
        small.addShapes(s0, sm1, sp1, gapBefore, gapAfter, sums);
        out[n++] = mix(13, w0 * 31 + (starts ? 1 : 0));
        out[n++] = mix(14, w0 * 31 + wp1);
        out[n++] = mix(15, wm1 * 31 + w0);
        out[n++] = mix(17, wm1 * 31 + gapBefore);
        out[n++] = mix(18, wp1 * 31 + gapAfter);
        out[n++] = mix(22, wm1 * 31 + wp1);
        out[n++] = mix(31, pattern(text, i));
        if (remembered < REMEMBERED) {
            small.addCasing(casing.ofAt(word), s0, starts, remembered, sums);
        } else {
            out[n++] = casing(casing.ofAt(word), s0, starts);
            out[n++] = memory(s0, remembered);
        }
        int first = runFirst(flags, i);
        int last = runLast(text, flags, i);
        int length = Math.min(MAX_RUN, last - first + 1);
        int position = i == first ? (i == last ? 0 : 1) : (i == last ? 2 : 3);
        n = runWords(text, i, first, last, out, n);
        int known = KnownNames.of(flags[i]);
        if (known < ContextSums.KNOWN) {
            small.addRun(length, position, known, sums);
        } else {
            out[n++] = runShape(length, position);
            out[n++] = mix(35, known);
            out[n++] = mix(36, known * 8L + position);
        }
        out[n++] = knownAround(flags, i, first, last, known);
        if (casing.runLengthAt(word) > length) {
            out[n++] = mix(32, casing.runLastAt(word));
            out[n++] = mix(33, casing.runBeforeAt(word));
        } else {
            small.addNoLongerRun(sums);
        }
        return n;
    }

    static long shapeOf(int s0) {
        return mix(7, s0);
    }

    static long shapeBefore(int sm1, int gapBefore) {
        return mix(8, sm1 * 8L + gapBefore);
    }

    static long shapeAfter(int sp1, int gapAfter) {
        return mix(9, sp1 * 8L + gapAfter);
    }

    static long shapes(int s0, int sm1, int sp1) {
        return mix(16, (sm1 * 8L + s0) * 8 + sp1);
    }

    static long casing(int casingOf, int s0, boolean starts) {
        return mix(30, (casingOf * 8L + s0) * 2 + (starts ? 1 : 0));
    }

    static long runShape(int length, int position) {
        return mix(24, length * 8L + position);
    }

    /**
     * Writes the {@link #HISTORY} features that depend on the label of the token before into {@code out} from
     * {@code at}: the label alone, and with the token's shape and the gap before it ({@link #historyContext}).
     * Few enough that the finder scores them all once, at load time.
     */
    /** Values of {@link DocumentWords#remembered}: not met yet, outside, or one of the three types. */
    static final int REMEMBERED = 2 + NameLabels.TYPES.size();

    /**
     * The feature of what the finder made of the same word earlier in the text ({@link
     * DocumentWords#remembered}), with the token's shape: names are written the same way throughout an
     * article, so a "Howard" after "Michael Howard" is a person.
     */
    static long memory(AnalyzedText text, int i, int remembered) {
        return memory(shape(text, i), remembered);
    }

    /** {@link #memory} of a token of shape {@code shape}. */
    static long memory(int shape, int remembered) {
        return mix(34, remembered * 8L + shape);
    }

    static void history(int previousLabel, int context, long[] out, int at) {
        out[at] = mix(11, previousLabel);
        out[at + 1] = mix(19, previousLabel * 64L + context);
    }

    /** What the history features read of the token itself: its shape and the gap before it, below {@link #CONTEXTS}. */
    static int historyContext(AnalyzedText text, int i) {
        return shape(text, i) * 8 + gapBefore(text, i);
    }

    /**
     * Features of the run of name-like tokens that token {@code i} belongs to ("Reserve Bank of New Zealand"):
     * its first and last words, where {@code i} sits in it, and the words just outside it. The last word of
     * an organisation's name ("Bank", "Party", "Council") types every word before it. And the gazetteer's
     * word on the token ({@link KnownNames}): the type of the known name it is in, where it sits in that name
     * and in the run, and the same of the run's tokens beside it.
     */
    private static int runFeatures(AnalyzedText text, int[] flags, DocumentWords words, int i, long[] out, int n) {
        int first = runFirst(flags, i);
        int last = runLast(text, flags, i);
        int length = Math.min(MAX_RUN, last - first + 1);
        int position = i == first ? (i == last ? 0 : 1) : (i == last ? 2 : 3);
        out[n++] = runShape(length, position);
        n = runWords(text, i, first, last, out, n);
        n = known(flags, i, first, last, position, out, n);
        return elsewhere(words, text.wordHash(i), length, out, n);
    }

    /** The first token of the run of candidate tokens that token {@code i} belongs to. */
    private static int runFirst(int[] flags, int i) {
        int first = i;
        while (first > 0 && flags[first - 1] != 0 && (flags[first] & BioDecoder.MAY_CONTINUE) != 0) {
            first--;
        }
        return first;
    }

    /** The last capitalised token of the run that token {@code i} belongs to, or {@code i}. */
    private static int runLast(AnalyzedText text, int[] flags, int i) {
        int last = i;
        while (last + 1 < text.size() && (flags[last + 1] & BioDecoder.MAY_CONTINUE) != 0) {
            last++;
        }
        while (last > i && !text.is(last, AnalyzedText.CAPITALISED)) {
            last--;
        }
        return last;
    }

    /** The run's first and last words and the words just outside it. */
    private static int runWords(AnalyzedText text, int i, int first, int last, long[] out, int n) {
        out[n++] = mix(25, text.wordHash(last) * 31 + (i == last ? 1 : 0));
        out[n++] = mix(26, text.wordHash(first) * 31 + (i == first ? 1 : 0));
        out[n++] = mix(27, last + 1 < text.size() ? text.wordHash(last + 1) : NO_WORD);
        out[n++] = mix(28, first > 0 ? text.wordHash(first - 1) : NO_WORD);
        return n;
    }

    /**
     * The token's {@link KnownNames} mark, alone and with its place in the run, and with the marks of the
     * run's tokens before and after it.
     */
    private static int known(int[] flags, int i, int first, int last, int position, long[] out, int n) {
        int known = KnownNames.of(flags[i]);
        out[n++] = mix(35, known);
        out[n++] = mix(36, known * 8L + position);
        out[n++] = knownAround(flags, i, first, last, known);
        return n;
    }

    /** The token's {@link KnownNames} mark with those of the run's tokens before and after it. */
    private static long knownAround(int[] flags, int i, int first, int last, int known) {
        int knownBefore = i > first ? KnownNames.of(flags[i - 1]) : KnownNames.MARKS;
        int knownAfter = i < last ? KnownNames.of(flags[i + 1]) : KnownNames.MARKS;
        return mix(37, (knownBefore * 64L + known) * 64 + knownAfter);
    }

    /** The last word of the longer run the word is part of elsewhere in the text, and the word before it. */
    private static int elsewhere(DocumentWords words, long w0, int length, long[] out, int n) {
        boolean longer = words.runLength(w0) > length;
        out[n++] = mix(32, longer ? words.runLast(w0) : 0);
        out[n++] = mix(33, longer ? words.runBefore(w0) : 0);
        return n;
    }

    /**
     * The word's letters as classes, repeats collapsed: "U.S." gives X.X., "al-Qaida" x-Xx, "McCain" XxXx,
     * "P-3" X-d.
     */
    static long pattern(AnalyzedText text, int i) {
        long h = 0x84222325L;
        char last = 0;
        int end = Math.min(text.end(i), text.start(i) + MAX_PATTERN);
        for (int k = text.start(i); k < end; k++) {
            char c = text.charAt(k);
            char kind = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (kind != last) {
                h = (h ^ kind) * 0x100000001b3L;
                last = kind;
            }
        }
        return h;
    }

    static int shape(AnalyzedText text, int i) {
        if (text.is(i, AnalyzedText.NUMBER)) {
            return text.is(i, AnalyzedText.ALPHA) ? SHAPE_OTHER : SHAPE_NUMBER;
        }
        if (!text.is(i, AnalyzedText.CAPITALISED)) {
            return text.is(i, AnalyzedText.ALPHA) ? SHAPE_LOWER : SHAPE_OTHER;
        }
        int length = text.end(i) - text.start(i);
        if (length == 1) {
            return SHAPE_INITIAL;
        }
        return text.is(i, AnalyzedText.ALL_CAPS) ? SHAPE_ALL_CAPS : SHAPE_CAPITALISED;
    }

    /** What separates token {@code i} from the one before: only spaces, a comma, a sentence end, or other. */
    static int gapBefore(AnalyzedText text, int i) {
        if (i == 0) {
            return GAP_EDGE;
        }
        int kind = GAP_SPACE;
        for (int k = text.end(i - 1); k < text.start(i); k++) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';') {
                return GAP_SENTENCE;
            }
            if (c == ',') {
                kind = GAP_COMMA;
            } else if (kind == GAP_SPACE && c != ' ' && c != '\u00a0' && c != '\t' && c != '\r') {
                kind = GAP_OTHER;
            }
        }
        return kind;
    }

    /** A murmur-style finaliser over the feature kind and value: well spread keys for the open-addressing table. */
    static long mix(int kind, long value) {
        long h = TermHash.mix(value * 0x9E3779B97F4A7C15L + kind * 0xC2B2AE3D27D4EB4FL);
        return h == 0 ? 1 : h;
    }
}
