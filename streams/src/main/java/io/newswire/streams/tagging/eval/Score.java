package io.newswire.streams.tagging.eval;

import java.util.HashSet;
import java.util.Set;

/**
 * Micro-averaged precision, recall and F1 over (article, label) pairs: true positives are labels both the
 * tagger and the gold give, false positives only the tagger, false negatives only the gold.
 */
public record Score(int truePositives, int falsePositives, int falseNegatives) {

    public static final Score ZERO = new Score(0, 0, 0);

    /** The score of one article's predicted labels against its gold labels. */
    public static <T> Score of(Set<T> predicted, Set<T> gold) {
        Set<T> hits = new HashSet<>(predicted);
        hits.retainAll(gold);
        return new Score(hits.size(), predicted.size() - hits.size(), gold.size() - hits.size());
    }

    public Score plus(Score other) {
        return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /** 1 when nothing was predicted and nothing was expected. */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? (falseNegatives == 0 ? 1 : 0) : (double) truePositives / predicted;
    }

    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? (falsePositives == 0 ? 1 : 0) : (double) truePositives / expected;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
