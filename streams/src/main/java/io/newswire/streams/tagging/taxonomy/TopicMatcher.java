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
 * topics are stem sequences in one {@link TokenTrie}, walked from each content word of the article. Stop
 * words are skipped in both, so "Council of Ministers" matches "council ministers"; phrases match whole
 * tokens only, never substrings ("war" does not match "award").
 */
public final class TopicMatcher {

    private record Phrase(int index, int topic, double weight) {
    }

    private final Taxonomy taxonomy;
    private final TokenTrie<Phrase> trie;
    private final double[] thresholds;
    private final int phraseCount;

    /**
     * @param analyze turns a phrase into its stems (stop words removed), with the article analyser
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
        private final double[] scores = new double[thresholds.length];
        private int[] content = new int[256];
    }

    public Scratch newScratch() {
        return new Scratch();
    }

    /** The topics whose score reaches their threshold, best first. */
    public List<TopicScore> match(AnalyzedText text, Scratch scratch) {
        int contentSize = fillContentTokens(text, scratch);
        int[] content = scratch.content;
        Arrays.fill(scratch.hits, 0);
        Arrays.fill(scratch.scores, 0);
        for (int p = 0; p < contentSize; p++) {
            TokenTrie.Node<Phrase> node = trie.root();
            for (int q = p; q < contentSize; q++) {
                node = node.next(text.stemId(content[q]));
                if (node == null) {
                    break;
                }
                for (Phrase phrase : node.values()) {
                    if (++scratch.hits[phrase.index()] <= taxonomy.maxHitsPerPhrase()) {
                        scratch.scores[phrase.topic()] += phrase.weight()
                                * (text.inTitle(content[p]) ? taxonomy.titleWeight() : 1.0);
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
        found.sort(Comparator.comparingDouble(TopicScore::score).reversed().thenComparing(TopicScore::id));
        return found;
    }

    /** All topic scores, reached or not: for classification (the best desk) and for tuning. */
    public double[] lastScores(Scratch scratch) {
        return scratch.scores.clone();
    }

    public List<String> topicIds() {
        return taxonomy.topics().stream().map(Taxonomy.TopicDefinition::id).toList();
    }

    /** Puts the indexes of the tokens that are not stop words in {@code scratch.content}; returns how many. */
    private static int fillContentTokens(AnalyzedText text, Scratch scratch) {
        if (scratch.content.length < text.size()) {
            scratch.content = new int[text.size() * 2];
        }
        int n = 0;
        for (int i = 0; i < text.size(); i++) {
            if (!text.is(i, AnalyzedText.STOP)) {
                scratch.content[n++] = i;
            }
        }
        return n;
    }
}
