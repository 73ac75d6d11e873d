package io.newswire.streams.tagging.taxonomy;

import io.newswire.common.TopicScore;
import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.TokenTrie;
import io.newswire.streams.tagging.analysis.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores an analysed article against every topic of a {@link Taxonomy} in one pass: the phrases of all
 * topics are stem sequences in one {@link TokenTrie}, walked from each word of the article that is not a
 * stop word. Phrases match whole tokens in order, never substrings ("war" does not match "award") and never
 * across other words ("military alliance" does not match "military and an alliance").
 */
public final class TopicMatcher {

    private record Phrase(int index, int topic, double weight) {
    }

    /**
     * Higher score first, then by id. Written out: {@code Comparator.comparingDouble(…).reversed().thenComparing(…)}
     * builds three comparators per article and runs through lambdas the whole JVM shares (2–3 % of the tagger).
     */
    private static final Comparator<TopicScore> BEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.id().compareTo(b.id());
    };

    private final Taxonomy taxonomy;
    private final TokenTrie<Phrase> trie;
    private final double[] thresholds;
    private final int phraseCount;

    /**
     * @param analyze turns a phrase into its stems, with the article analyser
     */
    public TopicMatcher(Taxonomy taxonomy, Vocabulary stems, Function<String, List<String>> analyze) {
        this.taxonomy = taxonomy;
        TokenTrie.Builder<Phrase> builder = new TokenTrie.Builder<>();
        List<Taxonomy.TopicDefinition> topics = taxonomy.topics();
        thresholds = new double[topics.size()];
        int index = 0;
        for (int t = 0; t < topics.size(); t++) {
            Taxonomy.TopicDefinition topic = topics.get(t);
            thresholds[t] = taxonomy.thresholdOf(topic);
            // "olympic" and "olympics" are one stem: keep the heavier weight, so a word counts once per topic.
            Map<List<String>, Double> byStems = new LinkedHashMap<>();
            for (var phrase : topic.phrases().entrySet()) {
                List<String> stemmed = analyze.apply(phrase.getKey());
                if (!stemmed.isEmpty()) {
                    byStems.merge(stemmed, phrase.getValue(), Math::max);
                }
            }
            for (var phrase : byStems.entrySet()) {
                builder.add(phrase.getKey().stream().mapToInt(stems::add).toArray(),
                        new Phrase(index++, t, phrase.getValue()));
            }
        }
        this.phraseCount = index;
        this.trie = builder.build();
    }

    /** Per-thread counters, reused across articles. */
    public final class Scratch {
        private final int[] hits = new int[phraseCount];
        /** The phrases hit in this article (their {@link #hits} are reset before the next one), in order. */
        private int[] hitPhrases = new int[64];
        private int hitCount;
        private final double[] scores = new double[thresholds.length];

        /** Counts a hit of phrase {@code index}; its number of hits so far in this article. */
        int hit(int index) {
            int count = ++hits[index];
            if (count == 1) {
                if (hitCount == hitPhrases.length) {
                    hitPhrases = Arrays.copyOf(hitPhrases, hitCount * 2);
                }
                hitPhrases[hitCount++] = index;
            }
            return count;
        }

        void reset() {
            for (int k = 0; k < hitCount; k++) {
                hits[hitPhrases[k]] = 0;
            }
            hitCount = 0;
            Arrays.fill(scores, 0);
        }
    }

    public Scratch newScratch() {
        return new Scratch();
    }

    /** The topics whose score reaches their threshold, best first. */
    public List<TopicScore> match(AnalyzedText text, Scratch scratch) {
        // Only the phrases the last article hit: a few dozen of the taxonomy's thousands.
        scratch.reset();
        for (int p = 0; p < text.size(); p++) {
            if (text.is(p, AnalyzedText.STOP)) {
                continue;
            }
            TokenTrie.Node<Phrase> node = trie.root();
            for (int q = p; q < text.size(); q++) {
                node = node.next(text.stemId(q));
                if (node == null) {
                    break;
                }
                List<Phrase> phrases = node.values();
                // By index: no iterator per trie step.
                for (int v = 0, n = phrases.size(); v < n; v++) {
                    Phrase phrase = phrases.get(v);
                    if (scratch.hit(phrase.index()) <= taxonomy.maxHitsPerPhrase()) {
                        scratch.scores[phrase.topic()] += phrase.weight()
                                * (text.inTitle(p) ? taxonomy.titleWeight() : 1.0);
                    }
                }
            }
        }
        List<TopicScore> found = new ArrayList<>();
        for (int t = 0; t < thresholds.length; t++) {
            if (scratch.scores[t] >= thresholds[t]) {
                found.add(new TopicScore(taxonomy.topics().get(t).id(), Math.round(scratch.scores[t] * 100) / 100.0));
            }
        }
        found.sort(BEST_FIRST);
        return found;
    }

    /** All topic scores, reached or not: for classification (the best desk) and for tuning. */
    public double[] lastScores(Scratch scratch) {
        return scratch.scores.clone();
    }

    public List<String> topicIds() {
        return taxonomy.topics().stream().map(Taxonomy.TopicDefinition::id).toList();
    }
}
