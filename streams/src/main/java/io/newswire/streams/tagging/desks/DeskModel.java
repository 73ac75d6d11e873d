package io.newswire.streams.tagging.desks;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * A trained desk classifier: an OpenNLP maximum entropy model, compiled at load time into a table keyed by
 * feature fingerprints ({@link FeatureFingerprints}) that scores an article straight from the tagger's analysis
 * (one hash per distinct word, kept by the analysis), without building a String or copying chars per feature: the lookups would otherwise cost several
 * times the analysis itself; {@link #scores} gives the same probabilities as
 * OpenNLP's own {@code eval} (a test checks it).
 *
 * <p>Thread-safe: the tables are read-only and each thread gets its own scratch space.
 */
public final class DeskModel {

    /** Names the analysis and the features; change it whenever either changes, so old models are refused. */
    public static final String FEATURE_SCHEME = "newswire-analysis/title+body" + DeskAnalyzer.MAX_CHARS + "/uni+bi/binary";

    /** In a word's entry ({@link #wordEntry}): its unigram row + 2, and two flags above. */
    private static final int ROW_BITS = (1 << 29) - 1;
    private static final int STARTS_BIGRAM = 1 << 29;
    private static final int ENDS_BIGRAM = 1 << 30;

    private final AbstractModel maxent;
    private final DeskModelInfo info;
    private final String[] categories;
    private final FeatureTable featureRows;
    /**
     * The terms that are the first of some bigram feature, and those that are the second (as sets: row 0): a pair
     * of neighbours where either is missing has no bigram row, so its look-up (mostly a cache miss) is skipped.
     */
    private final FeatureTable bigramFirsts;
    private final FeatureTable bigramSeconds;
    /** Row-major: the weight of feature row {@code r} for category {@code c} is at {@code r * categories + c}. */
    private final double[] weights;
    private final DeskAnalyzer analyzer = new DeskAnalyzer();
    private final ThreadLocal<Scratch> scratch;

    /**
     * @param keepSource keep OpenNLP's model, for writing it to a file; a model read from a file drops it,
     *                   which halves its heap (the compiled table is all that tagging needs)
     */
    public DeskModel(AbstractModel maxent, DeskModelInfo info, boolean keepSource) {
        this.maxent = keepSource ? maxent : null;
        this.info = info;
        Object[] parts = maxent.getDataStructures();
        Context[] contexts = (Context[]) parts[0];
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) parts[1];
        this.categories = ((String[]) parts[2]).clone();
        int width = categories.length;
        if (predicates.size() >= ROW_BITS - 2) {
            throw new IllegalArgumentException("a desk model of " + predicates.size() + " features is too large");
        }
        this.featureRows = new FeatureTable(predicates.size());
        this.weights = new double[contexts.length * width];
        Set<String> firsts = new HashSet<>();
        Set<String> seconds = new HashSet<>();
        int row = 0;
        for (Map.Entry<String, Context> predicate : predicates.entrySet()) {
            String feature = predicate.getKey();
            int joiner = feature.indexOf(DeskFeatures.BIGRAM_JOINER);
            if (joiner >= 0) {
                firsts.add(feature.substring(0, joiner));
                seconds.add(feature.substring(joiner + 1));
            }
            Context context = predicate.getValue();
            int[] outcomes = context.getOutcomes();
            double[] parameters = context.getParameters();
            for (int i = 0; i < outcomes.length; i++) {
                weights[row * width + outcomes[i]] = parameters[i];
            }
            featureRows.put(FeatureFingerprints.of(predicate.getKey()), row);
            row++;
        }
        this.bigramFirsts = termSet(firsts);
        this.bigramSeconds = termSet(seconds);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(width));
    }

    private static FeatureTable termSet(Set<String> terms) {
        FeatureTable set = new FeatureTable(terms.size());
        for (String term : terms) {
            set.put(FeatureFingerprints.of(term), 0);
        }
        return set;
    }

    public DeskModelInfo info() {
        return info;
    }

    /** The desks this model knows, in the order of {@link #scores}. */
    public List<String> categories() {
        return List.of(categories);
    }

    /** Whether the model has a weight for this feature (a term, or two terms joined by a space). */
    public boolean hasFeature(String feature) {
        return featureRows.get(FeatureFingerprints.of(feature)) != FeatureTable.ABSENT;
    }

    /** The probability of each desk, in the order of {@link #categories()}, summing to 1. */
    public double[] scores(String title, String body) {
        return scores(analyzer.analyze(title, body), DeskAnalyzer.readLimit(title, body));
    }

    /**
     * The same from an article already analysed by the tagger ({@link io.newswire.streams.tagging.analysis.ArticleText}
     * of its title and body), read up to {@code limit} ({@link DeskAnalyzer#readLimit}): no second analysis, and
     * each term's fingerprint is the one the analysis keeps per distinct word.
     */
    public double[] scores(AnalyzedText text, int limit) {
        Scratch s = scratch.get();
        s.startDocument(text);
        // In three passes, so that the model's tables (larger than the cache) are read in loops whose look-ups do
        // not wait on each other and their cache misses overlap: the features in order, then the bigrams' rows,
        // then the weights of each distinct row, added in the order the features first occur (the same sums).
        int features = features(s, text, limit);
        int[] order = s.features;
        long[] bigrams = s.bigrams;
        for (int b = 0; b < s.bigramCount; b++) {
            s.bigramRows[b] = featureRows.get(bigrams[b]);
        }
        int distinct = 0;
        int[] rows = s.rows;
        for (int f = 0; f < features; f++) {
            int feature = order[f];
            int row = feature >= 0 ? feature : s.bigramRows[~feature];
            if (row != FeatureTable.ABSENT && s.firstTime(row)) {
                rows[distinct++] = row;
            }
        }
        int width = categories.length;
        double[] sums = s.sums;
        for (int d = 0; d < distinct; d++) {
            int base = rows[d] * width;
            for (int c = 0; c < width; c++) {
                sums[c] += weights[base + c];
            }
        }
        return softmax(sums);
    }

    /**
     * Puts the article's features in {@code s.features}, in order: a unigram as its row (when the model has it), a
     * bigram whose terms may make a feature as {@code ~b}, its fingerprint at {@code s.bigrams[b]}; returns how many.
     */
    private int features(Scratch s, AnalyzedText text, int limit) {
        s.ensureFeatures(2 * text.size());
        int[] order = s.features;
        long[] bigrams = s.bigrams;
        int features = 0;
        int bigramCount = 0;
        long previous = 0;
        // Whether the previous term starts some bigram feature (false before the first term).
        boolean previousStarts = false;
        for (int i = 0; i < text.size() && DeskAnalyzer.read(text, i, limit); i++) {
            if (!DeskAnalyzer.isTerm(text, i)) {
                continue;
            }
            long term = text.stemHash(i);
            int word = wordEntry(s, text.wordIndex(i), term);
            int row = (word & ROW_BITS) - 2;
            if (row != FeatureTable.ABSENT) {
                order[features++] = row;
            }
            if (previousStarts && (word & ENDS_BIGRAM) != 0) {
                bigrams[bigramCount] = FeatureFingerprints.bigram(previous, term);
                order[features++] = ~bigramCount;
                bigramCount++;
            }
            previous = term;
            previousStarts = (word & STARTS_BIGRAM) != 0;
        }
        s.bigramCount = bigramCount;
        return features;
    }

    /** The likeliest desk and its probability. */
    public DeskPrediction classify(String title, String body) {
        double[] scores = scores(title, body);
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return new DeskPrediction(categories[best], scores[best]);
    }

    /** OpenNLP's own evaluation of a feature set: the reference the compiled table must agree with. */
    double[] referenceScores(String[] features) {
        double[] byOutcome = maxent().eval(features);
        double[] inOurOrder = new double[categories.length];
        for (int c = 0; c < categories.length; c++) {
            inOurOrder[c] = byOutcome[maxent().getIndex(categories[c])];
        }
        return inOurOrder;
    }

    AbstractModel maxent() {
        if (maxent == null) {
            throw new IllegalStateException("a desk model read from a file has only its compiled table; train to write one");
        }
        return maxent;
    }

    /**
     * What the model knows of the word with this index in the analysis, looked up once per word and thread: its
     * unigram row + 2 ({@link #ROW_BITS}) and whether its term {@link #STARTS_BIGRAM} or {@link #ENDS_BIGRAM}.
     */
    private int wordEntry(Scratch s, int word, long term) {
        int[] known = s.ensureWords(word);
        int entry = known[word];
        if (entry == 0) {
            entry = featureRows.get(term) + 2
                    | (bigramFirsts.get(term) != FeatureTable.ABSENT ? STARTS_BIGRAM : 0)
                    | (bigramSeconds.get(term) != FeatureTable.ABSENT ? ENDS_BIGRAM : 0);
            known[word] = entry;
        }
        return entry;
    }

    private static double[] softmax(double[] sums) {
        double max = Double.NEGATIVE_INFINITY;
        for (double sum : sums) {
            max = Math.max(max, sum);
        }
        double total = 0;
        double[] probabilities = new double[sums.length];
        for (int c = 0; c < sums.length; c++) {
            probabilities[c] = Math.exp(sums[c] - max);
            total += probabilities[c];
        }
        for (int c = 0; c < sums.length; c++) {
            probabilities[c] /= total;
        }
        return probabilities;
    }

    /**
     * One thread's working space: which features it has counted in this article, the running sums, and the
     * entry of each word of the analysis' word cache (by {@link AnalyzedText#wordIndex}; {@link #wordEntry}, 0 when
     * not looked up yet), so that a word's row is looked up once, not on every token.
     */
    private static final class Scratch {
        /** Row + 1 of each feature counted in this article (0: empty slot), at most half full. */
        private int[] seenRows = new int[2048];
        private int seenCount;
        final double[] sums;
        /** The article's features in order ({@link #features}), its bigrams' fingerprints and rows, its distinct rows. */
        int[] features = new int[1024];
        long[] bigrams = new long[512];
        int[] bigramRows = new int[512];
        int bigramCount;
        int[] rows = new int[1024];
        private int[] wordRows = new int[1024];
        private AnalyzedText wordsOf;
        private int wordGeneration;

        Scratch(int width) {
            this.sums = new double[width];
        }

        void startDocument(AnalyzedText text) {
            if (text != wordsOf || text.wordGeneration() != wordGeneration) {
                Arrays.fill(wordRows, 0);
                wordsOf = text;
                wordGeneration = text.wordGeneration();
            }
            startDocument();
        }

        void ensureFeatures(int most) {
            if (features.length < most) {
                features = new int[most];
                bigrams = new long[most];
                bigramRows = new int[most];
                rows = new int[most];
            }
        }

        int[] ensureWords(int word) {
            if (word >= wordRows.length) {
                wordRows = Arrays.copyOf(wordRows, Math.max(word + 1, wordRows.length * 2));
            }
            return wordRows;
        }

        void startDocument() {
            Arrays.fill(seenRows, 0);
            seenCount = 0;
            Arrays.fill(sums, 0);
        }

        boolean firstTime(int row) {
            // A small open-addressing set of this article's rows (a few hundred): it stays in the L1 cache,
            // where a stamp per row of the whole model (hundreds of KB) missed it on most features.
            int[] table = seenRows;
            int mask = table.length - 1;
            int slot = (row * 0x9E3779B9 >>> 16) & mask;
            int found;
            while ((found = table[slot]) != 0) {
                if (found == row + 1) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = row + 1;
            if (++seenCount * 2 > table.length) {
                growSeen();
            }
            return true;
        }

        private void growSeen() {
            int[] old = seenRows;
            seenRows = new int[old.length * 2];
            int mask = seenRows.length - 1;
            for (int entry : old) {
                if (entry != 0) {
                    int slot = ((entry - 1) * 0x9E3779B9 >>> 16) & mask;
                    while (seenRows[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    seenRows[slot] = entry;
                }
            }
        }
    }
}
