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

    /** Offsets of the neighbours whose words are features of a token, in the order of their groups of sums. */
    private static final int[] NEIGHBOURS = {-1, 1, -2, 2};
    /** Groups of per-word sums: the word itself, then as each neighbour. */
    private static final int GROUPS = 1 + NEIGHBOURS.length;

    private final NameModel model;
    /** The weight sums of the neighbour features of no word (beyond the text's edge), group by group from 1. */
    private final int[] edgeSums = new int[GROUPS * NameLabels.COUNT];
    /**
     * The scores of the features that depend on the previous label, worked out once: for each history context
     * ({@link NameFeatures#historyContext}), previous label and label, at {@code (context * COUNT + previous)
     * * COUNT + label}.
     */
    private final float[] transitions;
    /** The sums of the context features of few values, for every value. */
    private final ContextSums contextSums;

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
        contextSums = new ContextSums(model);
        long[] feature = new long[1];
        for (int g = 1; g < GROUPS; g++) {
            feature[0] = NameFeatures.neighbour(NEIGHBOURS[g - 1], NameFeatures.NO_WORD);
            model.sum(feature, 1, edgeSums, g * labels);
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
        private final int[] sums = new int[NameLabels.COUNT];
        private final long[] one = new long[1];
        /**
         * The weight sums of the features of one word alone, by its id in the analysis' word cache ({@link
         * AnalyzedText#wordIndex}): {@link #GROUPS} groups of one sum per label, the word itself then as each
         * neighbour. News repeats its words, so most tokens read them here instead of the model's table.
         */
        private int[] wordSums = new int[0];
        private boolean[] summed = new boolean[0];
        private AnalyzedText wordsOf;
        private int wordGeneration;
        private NameFinder summedBy;
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

        /** Forgets the word sums when the word ids or the model they were summed for change. */
        private void startText(AnalyzedText text, NameFinder finder) {
            if (text != wordsOf || text.wordGeneration() != wordGeneration || finder != summedBy) {
                Arrays.fill(summed, false);
                wordsOf = text;
                wordGeneration = text.wordGeneration();
                summedBy = finder;
            }
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
        scratch.startText(text, this);
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
        int[] sums = scratch.sums;
        float scale = model.scale();
        for (int t = 0; t < length; t++) {
            int i = from + t;
            scratch.flags[t] = scratch.tokenFlags[i];
            Arrays.fill(sums, 0);
            int n = NameFeatures.ofContextSplit(text, scratch.tokenFlags, scratch.casing, i,
                    scratch.casing.remembered(text.wordHash(i)), contextSums, sums, scratch.features);
            model.sum(scratch.features, n, sums, 0);
            addWord(text, i, 0, scratch);
            for (int g = 1; g < GROUPS; g++) {
                addWord(text, i + NEIGHBOURS[g - 1], g, scratch);
            }
            for (int l = 0; l < labels; l++) {
                scratch.emit[t * labels + l] = sums[l] * scale;
            }
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

    /**
     * Adds group {@code group} of the word sums of token {@code j} (the edge's when {@code j} is outside the
     * text) to {@code scratch.sums}, summing the word's features first when they are not yet.
     */
    private void addWord(AnalyzedText text, int j, int group, Scratch scratch) {
        int labels = NameLabels.COUNT;
        int[] from;
        int at;
        if (j < 0 || j >= text.size()) {
            from = edgeSums;
            at = group * labels;
        } else {
            int word = text.wordIndex(j);
            if (word >= scratch.summed.length) {
                int capacity = Math.max(word + 1, Math.max(1024, scratch.summed.length * 2));
                scratch.summed = Arrays.copyOf(scratch.summed, capacity);
                scratch.wordSums = Arrays.copyOf(scratch.wordSums, capacity * GROUPS * labels);
            }
            if (!scratch.summed[word]) {
                sumWord(text, j, word, scratch);
            }
            from = scratch.wordSums;
            at = (word * GROUPS + group) * labels;
        }
        int[] sums = scratch.sums;
        for (int l = 0; l < labels; l++) {
            sums[l] += from[at + l];
        }
    }

    /** The sums of every group of word features of token {@code j}'s word. */
    private void sumWord(AnalyzedText text, int j, int word, Scratch scratch) {
        int labels = NameLabels.COUNT;
        int at = word * GROUPS * labels;
        Arrays.fill(scratch.wordSums, at, at + GROUPS * labels, 0);
        NameFeatures.ofWord(text, j, scratch.features);
        model.sum(scratch.features, NameFeatures.WORD, scratch.wordSums, at);
        for (int g = 1; g < GROUPS; g++) {
            scratch.one[0] = NameFeatures.neighbour(NEIGHBOURS[g - 1], text.wordHash(j));
            model.sum(scratch.one, 1, scratch.wordSums, at + g * labels);
        }
        scratch.summed[word] = true;
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
        return text.end(i) + 1 == text.start(i + 1) && text.charAt(text.end(i)) == '-'
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
        boolean dot = false;
        for (int k = text.end(i - 1); k < text.start(i); k++) {
            char c = text.charAt(k);
            if (c == '.') {
                dot = true;
            } else if (c != ' ' && c != '-' && c != '\'' && c != '\u2019' && c != '\u00a0') {
                return false;
            }
        }
        return !dot || text.end(i - 1) - text.start(i - 1) <= MAX_ABBREVIATION || text.is(i - 1, AnalyzedText.ALL_CAPS);
    }
}
