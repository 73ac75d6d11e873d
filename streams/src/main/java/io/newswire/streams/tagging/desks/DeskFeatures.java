package io.newswire.streams.tagging.desks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The features of one article for the desk model: each analysed term (unigram) and each pair of
 * neighbouring terms (bigram, the two terms joined by a space, which analysis never leaves inside a term).
 * A feature counts once per article, however often it occurs: presence is what a maxent model weighs best
 * here, and it keeps one long article from outvoting its own lead.
 */
public final class DeskFeatures {

    /** Joins the two terms of a bigram feature. */
    static final char BIGRAM_JOINER = ' ';

    private DeskFeatures() {
    }

    /** The distinct features of an article, in the order they first occur. */
    public static String[] of(DeskAnalyzer analyzer, String title, String body) {
        return of(analyzer.terms(title, body));
    }

    /** The distinct unigram and bigram features of a sequence of analysed terms. */
    public static String[] of(List<String> terms) {
        Set<String> features = new LinkedHashSet<>();
        String previous = null;
        for (String term : terms) {
            features.add(term);
            if (previous != null) {
                features.add(previous + BIGRAM_JOINER + term);
            }
            previous = term;
        }
        return features.toArray(new String[0]);
    }
}
