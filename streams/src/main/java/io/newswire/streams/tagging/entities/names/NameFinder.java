package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Finds the names of persons, organisations and locations in an analysed article with a learned model
 * ({@link NameModel}): each run of candidate tokens gets the best sequence of BIO labels ({@link BioDecoder}).
 *
 * <p>Only capitalised tokens, and a few lowercase joining words between two of them ("Bank of England",
 * "Osama bin Laden"), are scored at all: every other token is outside a name. That keeps the cost to a small
 * share of the tokens, which is what lets it run inside the tagger's budget. Thread-safe; each thread uses
 * its own {@link Scratch}.
 */
public final class NameFinder {

    /** Lowercase words that may sit inside a name, between capitalised words. */
    private static final CharArraySet JOINERS = new CharArraySet(List.of("of", "the", "and", "for", "de", "del", "da",
            "al", "el", "bin", "ibn", "van", "von", "der", "la", "le", "du", "on", "y"), false);
    /** Lowercase words that may start a place name ("southern Iraq", "northwestern Pakistan"). */
    private static final CharArraySet DIRECTIONS = new CharArraySet(List.of("north", "south", "east", "west", "northern",
            "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern",
            "north-eastern", "north-western", "south-eastern", "south-western"), false);
    /** The word before a dot that does not end a sentence: an initial ("George W. Bush") or "St.", "Mt.", "Gen.". */
    private static final int MAX_ABBREVIATION = 3;

    private final NameModel model;
    /**
     * The scores of the features that depend on the previous label, worked out once: for each history context
     * ({@link NameFeatures#historyContext}), previous label and label, at {@code (context * COUNT + previous)
     * * COUNT + label}.
     */
    private final float[] transitions;

    public NameFinder(NameModel model) {
        this.model = model;
        int labels = NameLabels.COUNT;
        transitions = new float[NameFeatures.CONTEXTS * labels * labels];
        long[] features = new long[NameFeatures.HISTORY];
        float[] scores = new float[labels];
        for (int context = 0; context < NameFeatures.CONTEXTS; context++) {
            for (int p = 0; p < labels; p++) {
                NameFeatures.history(p, context, features, 0);
                Arrays.fill(scores, 0f);
                model.score(features, NameFeatures.HISTORY, scores);
                System.arraycopy(scores, 0, transitions, (context * labels + p) * labels, labels);
            }
        }
    }

    public static NameFinder withDefaultModel() {
        return new NameFinder(NameModel.defaultModel());
    }

    public NameModel model() {
        return model;
    }

    /** The spans found by the last {@link #find}: token ranges and their types. */
    public static final class Scratch {
        private final long[] features = new long[NameFeatures.MAX];
        private final DocumentWords casing = new DocumentWords();
        private final float[] scores = new float[NameLabels.COUNT];
        private int[] labels = new int[256];
        private int[] tokenFlags = new int[256];
        private int[] flags = new int[0];
        private int[] path = new int[0];
        private int[] back = new int[0];
        private float[] emit = new float[0];
        private float[] delta = new float[0];
        private float[] trans = new float[0];
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int[] types = new int[16];
        private int count;

        public int count() {
            return count;
        }

        /** First token of span {@code k}. */
        public int start(int k) {
            return starts[k];
        }

        /** Last token of span {@code k} (inclusive). */
        public int end(int k) {
            return ends[k];
        }

        /** {@link NameLabels#PERSON}, {@link NameLabels#ORGANIZATION} or {@link NameLabels#LOCATION}. */
        public int type(int k) {
            return types[k];
        }

        /** The label given to token {@code i}. */
        int label(int i) {
            return labels[i];
        }

        private void ensureRun(int length) {
            if (flags.length >= length) {
                return;
            }
            int capacity = Math.max(length, 16);
            int labels = NameLabels.COUNT;
            flags = new int[capacity];
            path = new int[capacity];
            back = new int[capacity * labels];
            emit = new float[capacity * labels];
            delta = new float[capacity * labels];
            trans = new float[capacity * labels * labels];
        }

        private void add(int start, int end, int type) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                types = Arrays.copyOf(types, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            types[count] = type;
            count++;
        }
    }

    public Scratch newScratch() {
        return new Scratch();
    }

    /** Labels every token of {@code text} and collects the names into {@code scratch}. */
    public void find(AnalyzedText text, Scratch scratch) {
        int size = text.size();
        if (scratch.labels.length < size) {
            scratch.labels = new int[Math.max(size, scratch.labels.length * 2)];
            scratch.tokenFlags = new int[scratch.labels.length];
        }
        scratch.count = 0;
        int[] flags = scratch.tokenFlags;
        flags(text, flags);
        model.knownNames().mark(text, flags);
        scratch.casing.read(text, flags);
        int i = 0;
        while (i < size) {
            if (flags[i] == 0) {
                scratch.labels[i++] = NameLabels.OUTSIDE;
                continue;
            }
            int from = i;
            while (i < size && flags[i] != 0) {
                i++;
            }
            decode(text, from, i, scratch);
        }
        int spanStart = -1;
        for (i = 0; i < size; i++) {
            int label = scratch.labels[i];
            if (spanStart >= 0 && !NameLabels.isInside(label)) {
                closeSpan(text, scratch, spanStart, i - 1);
                spanStart = -1;
            }
            if (label != NameLabels.OUTSIDE && !NameLabels.isInside(label)) {
                spanStart = i;
            }
        }
        if (spanStart >= 0) {
            closeSpan(text, scratch, spanStart, size - 1);
        }
    }

    /** Scores and decodes the run of candidate tokens {@code from} (inclusive) to {@code to} (exclusive). */
    private void decode(AnalyzedText text, int from, int to, Scratch scratch) {
        int length = to - from;
        scratch.ensureRun(length);
        int labels = NameLabels.COUNT;
        float[] scores = scratch.scores;
        for (int t = 0; t < length; t++) {
            int i = from + t;
            scratch.flags[t] = scratch.tokenFlags[i];
            int n = NameFeatures.of(text, scratch.tokenFlags, scratch.casing, i, scratch.features);
            Arrays.fill(scores, 0f);
            scratch.features[n++] = NameFeatures.memory(text, i, scratch.casing.remembered(text.wordHash(i)));
            model.score(scratch.features, n, scores);
            System.arraycopy(scores, 0, scratch.emit, t * labels, labels);
            System.arraycopy(transitions, NameFeatures.historyContext(text, i) * labels * labels, scratch.trans,
                    t * labels * labels, labels * labels);
        }
        BioDecoder.decode(length, scratch.emit, scratch.trans, scratch.flags, scratch.delta, scratch.back,
                scratch.path);
        System.arraycopy(scratch.path, 0, scratch.labels, from, length);
        for (int t = 0; t < length; t++) {
            if (text.is(from + t, AnalyzedText.CAPITALISED)) {
                scratch.casing.remember(text.wordHash(from + t), scratch.path[t]);
            }
        }
    }

    /** A span never ends on a joining word ("Bank of" before a lowercase word): it is cut back to a name word. */
    private static void closeSpan(AnalyzedText text, Scratch scratch, int start, int end) {
        while (end > start && !text.is(end, AnalyzedText.CAPITALISED) && !text.is(end, AnalyzedText.NUMBER)) {
            end--;
        }
        scratch.add(start, end, NameLabels.type(scratch.labels[start]));
    }

    /**
     * What token {@code i} may be in a name ({@link BioDecoder#MAY_BEGIN}, {@link BioDecoder#MAY_CONTINUE}),
     * or 0 when it is no candidate at all and is outside any name.
     */
    static int flags(AnalyzedText text, int i) {
        boolean begins = text.is(i, AnalyzedText.CAPITALISED) || startsName(text, i);
        if (!begins && !joiner(text, i)) {
            return 0;
        }
        return (begins ? BioDecoder.MAY_BEGIN : 0) | (mayContinue(text, i) ? BioDecoder.MAY_CONTINUE : 0);
    }

    /** The {@link #flags} of every token of {@code text} into {@code into}. */
    static void flags(AnalyzedText text, int[] into) {
        for (int i = 0; i < text.size(); i++) {
            into[i] = flags(text, i);
        }
    }

    /** Capitalised, or a lowercase word that may begin or join a name before a capitalised one. */
    static boolean isCandidate(AnalyzedText text, int i) {
        return flags(text, i) != 0;
    }

    /** "southern Iraq", "al-Qaida": a compass word or a hyphened particle before a capitalised word. */
    private static boolean startsName(AnalyzedText text, int i) {
        return i + 1 < text.size() && text.is(i + 1, AnalyzedText.CAPITALISED)
                && (direction(text, i) || hyphenedParticle(text, i));
    }

    /** "southern Iraq": a compass word before a name. */
    private static boolean direction(AnalyzedText text, int i) {
        return text.joinedToNext(i) && text.lowerIn(DIRECTIONS, i);
    }

    /** "al-Qaida", "al-Aqsa": a short lowercase particle hyphened to a name. */
    private static boolean hyphenedParticle(AnalyzedText text, int i) {
        return text.end(i) + 1 == text.start(i + 1) && text.text().charAt(text.end(i)) == '-'
                && text.end(i) - text.start(i) <= 3;
    }

    /** "Bank of England", "Osama bin Laden": a joining word between two words of a name. */
    private static boolean joiner(AnalyzedText text, int i) {
        return i > 0 && i + 1 < text.size() && text.is(i + 1, AnalyzedText.CAPITALISED) && text.joinedToNext(i)
                && text.is(i - 1, AnalyzedText.CAPITALISED)
                && (text.joinedToNext(i - 1) || "-".equals(text.gapBefore(i))) && text.lowerIn(JOINERS, i);
    }

    static boolean mayContinue(AnalyzedText text, int i) {
        if (i == 0) {
            return false;
        }
        String s = text.text();
        boolean dot = false;
        for (int k = text.end(i - 1); k < text.start(i); k++) {
            char c = s.charAt(k);
            if (c == '.') {
                dot = true;
            } else if (c != ' ' && c != '-' && c != '\'' && c != '\u2019' && c != '\u00a0') {
                return false;
            }
        }
        return !dot || text.end(i - 1) - text.start(i - 1) <= MAX_ABBREVIATION || text.is(i - 1, AnalyzedText.ALL_CAPS);
    }
}
