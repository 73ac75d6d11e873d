package io.newswire.streams.training.desks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits labelled articles into k folds with each category spread evenly over them (stratified), the
 * same way for the same seed. Every article is in exactly one fold.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /** One round of cross-validation: train on {@code training}, measure on {@code test}; the two share no article. */
    public record Split(List<LabelledArticle> training, List<LabelledArticle> test) {
    }

    public static List<List<LabelledArticle>> folds(List<LabelledArticle> articles, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + k);
        }
        if (articles.size() < k) {
            throw new IllegalArgumentException("cannot make " + k + " folds of " + articles.size() + " articles");
        }
        // Categories in a fixed (sorted) order and each shuffled with the seed: the folds depend on nothing else.
        Map<String, List<LabelledArticle>> byCategory = new TreeMap<>();
        for (LabelledArticle article : articles) {
            byCategory.computeIfAbsent(article.category(), c -> new ArrayList<>()).add(article);
        }
        Random random = new Random(seed);
        List<List<LabelledArticle>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        // Dealt round-robin, carrying on where the last category stopped, so fold sizes differ by at most one.
        int next = 0;
        for (List<LabelledArticle> group : byCategory.values()) {
            Collections.shuffle(group, random);
            for (LabelledArticle article : group) {
                folds.get(next).add(article);
                next = (next + 1) % k;
            }
        }
        return folds.stream().map(List::copyOf).toList();
    }

    /** The k train/test splits of k-fold cross-validation. */
    public static List<Split> splits(List<LabelledArticle> articles, int k, long seed) {
        List<List<LabelledArticle>> folds = folds(articles, k, seed);
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<LabelledArticle> training = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    training.addAll(folds.get(j));
                }
            }
            splits.add(new Split(List.copyOf(training), folds.get(i)));
        }
        return splits;
    }
}
