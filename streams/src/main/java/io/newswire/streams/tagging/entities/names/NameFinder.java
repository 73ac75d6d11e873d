package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Finds the names of persons, organisations and locations in an analysed article with a learned model
 * ({@link NameModel}), left to right, one label per token given the label of the token before (greedy BIO).
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

    public NameFinder(NameModel model) {
        this.model = model;
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
        private final float[] scores = new float[NameLabels.COUNT];
        private int[] labels = new int[256];
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

        /** The label given to token {@code i} (for training). */
        int label(int i) {
            return labels[i];
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
        }
        scratch.count = 0;
        int previous = NameLabels.OUTSIDE;
        int spanStart = -1;
        for (int i = 0; i < size; i++) {
            int label = NameLabels.OUTSIDE;
            if (isCandidate(text, i, previous)) {
                int n = NameFeatures.of(text, i, previous, scratch.features);
                Arrays.fill(scratch.scores, 0f);
                model.score(scratch.features, n, scratch.scores);
                label = best(scratch.scores, previous, mayContinue(text, i));
            }
            scratch.labels[i] = label;
            if (spanStart >= 0 && !NameLabels.isInside(label)) {
                closeSpan(text, scratch, spanStart, i - 1);
                spanStart = -1;
            }
            if (label != NameLabels.OUTSIDE && !NameLabels.isInside(label)) {
                spanStart = i;
            }
            previous = label;
        }
        if (spanStart >= 0) {
            closeSpan(text, scratch, spanStart, size - 1);
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
     * The best label the token may take: inside a name only right after a token of the same name and with
     * nothing but a space, hyphen, apostrophe or an abbreviation's dot between.
     */
    static int best(float[] scores, int previous, boolean mayContinue) {
        int previousType = NameLabels.type(previous);
        int best = NameLabels.OUTSIDE;
        float bestScore = scores[NameLabels.OUTSIDE];
        for (int label = 1; label < NameLabels.COUNT; label++) {
            if (NameLabels.isInside(label) && (!mayContinue || NameLabels.type(label) != previousType)) {
                continue;
            }
            if (scores[label] > bestScore) {
                best = label;
                bestScore = scores[label];
            }
        }
        return best;
    }

    static boolean isCandidate(AnalyzedText text, int i, int previous) {
        if (text.is(i, AnalyzedText.CAPITALISED)) {
            return true;
        }
        if (i + 1 >= text.size() || !text.is(i + 1, AnalyzedText.CAPITALISED)) {
            return false;
        }
        return direction(text, i) || hyphenedParticle(text, i) || joiner(text, i, previous);
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
    private static boolean joiner(AnalyzedText text, int i, int previous) {
        return previous != NameLabels.OUTSIDE && text.joinedToNext(i)
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
