package io.newswire.streams.tagging.keyphrases;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The phrases that best describe one article against everything seen so far, so that a story the taxonomy
 * does not know still shows up. Candidates are runs of up to three content words (RAKE: stop words and
 * punctuation split them); a candidate scores the sum of the TF-IDF of its stems, with IDF from
 * {@link DocumentFrequencies}. The article is counted into the frequencies after it is scored.
 */
public final class KeyphraseExtractor {

    private static final int MAX_WORDS = 3;
    /** Words that are frequent in news but never a subject; IDF learns the rest. */
    private static final CharArraySet FILLER = new CharArraySet(List.of("said", "says", "say", "also", "would", "could", "should",
            "may", "might", "must", "can", "one", "two", "three", "year", "years", "new", "mr", "mrs", "ms", "last",
            "first", "like", "just", "well", "many", "much", "more", "most", "other", "some", "all", "any", "has",
            "have", "had", "been", "being", "were", "which", "who", "whom", "what", "when", "where", "while", "its",
            "our", "we", "he", "she", "his", "her", "him", "you", "your", "i", "me", "my", "do", "does", "did", "so",
            "than", "very", "over", "after", "before", "about", "up", "out", "from", "only", "now", "even", "still",
            "according", "told", "week", "day", "time", "us", "per", "because", "including", "however", "another",
            "between", "against", "among", "during", "within", "without", "under", "through", "across", "towards",
            "toward", "upon", "amid", "since", "until", "whether", "both", "each", "these", "those", "them", "they"), false);

    private final DocumentFrequencies frequencies;
    private final int limit;

    public KeyphraseExtractor(DocumentFrequencies frequencies, int limit) {
        this.frequencies = frequencies;
        this.limit = limit;
    }

    /**
     * The candidates of one article as token ranges with their scores. Only the few that make the top get
     * their text built: a 4 KB article has hundreds of candidates, and building each phrase was most of
     * the tagger's allocation.
     */
    private static final class Candidates {
        private int[] from = new int[64];
        private int[] to = new int[64];
        private double[] scores = new double[64];
        private int size;

        void add(int first, int last, double score) {
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            from[size] = first;
            to[size] = last;
            scores[size++] = score;
        }
    }

    public List<String> extract(AnalyzedText text) {
        int size = text.size();
        boolean[] content = new boolean[size];
        Map<String, Integer> termCounts = new HashMap<>();
        for (int i = 0; i < size; i++) {
            content[i] = isContent(text, i);
            if (content[i]) {
                termCounts.merge(text.stem(i), 1, Integer::sum);
            }
        }
        // TF-IDF once per distinct stem, not once per candidate it appears in.
        Map<String, Double> weights = new HashMap<>(termCounts.size() * 2);
        termCounts.forEach((stem, count) -> weights.put(stem, (1 + Math.log(count)) * frequencies.idf(stem)));

        Candidates candidates = new Candidates();
        int runStart = -1;
        int runWords = 0;
        double runScore = 0;
        for (int i = 0; i <= size; i++) {
            boolean isContent = i < size && content[i];
            if (isContent) {
                if (runStart < 0) {
                    runStart = i;
                    runWords = 0;
                    runScore = 0;
                }
                runScore += weights.get(text.stem(i));
                runWords++;
            }
            boolean runEnds = !isContent || !text.joinedToNext(i) || runWords == MAX_WORDS;
            if (runStart >= 0 && runEnds) {
                candidates.add(runStart, isContent ? i : i - 1, runScore);
                runStart = -1;
            }
        }
        List<String> best = best(text, candidates);
        frequencies.observe(termCounts.keySet());
        return best;
    }

    /**
     * The top phrases by score, ties to the alphabetically first; a phrase found several times counts once
     * (its occurrences have the same stems, so the same score).
     */
    private List<String> best(AnalyzedText text, Candidates candidates) {
        Integer[] order = new Integer[candidates.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(candidates.scores[b], candidates.scores[a]));
        Set<String> top = new LinkedHashSet<>();
        for (int group = 0; group < order.length && top.size() < limit; ) {
            int groupEnd = group + 1;
            while (groupEnd < order.length && candidates.scores[order[groupEnd]] == candidates.scores[order[group]]) {
                groupEnd++;
            }
            TreeSet<String> tied = new TreeSet<>();
            for (int k = group; k < groupEnd; k++) {
                tied.add(phrase(text, candidates.from[order[k]], candidates.to[order[k]]));
            }
            for (String phrase : tied) {
                if (top.size() < limit) {
                    top.add(phrase);
                }
            }
            group = groupEnd;
        }
        return List.copyOf(top);
    }

    /** The words of a candidate, lowercased, possessives dropped ("south korea's" gives "south korea"). */
    private static String phrase(AnalyzedText text, int from, int to) {
        StringBuilder phrase = new StringBuilder(text.lower(from));
        for (int i = from + 1; i <= to; i++) {
            phrase.append(' ').append(text.lower(i));
        }
        return phrase.toString();
    }

    private static boolean isContent(AnalyzedText text, int i) {
        return text.is(i, AnalyzedText.ALPHA) && !text.is(i, AnalyzedText.STOP) && text.end(i) - text.start(i) > 2
                && !text.lowerIn(FILLER, i);
    }
}
