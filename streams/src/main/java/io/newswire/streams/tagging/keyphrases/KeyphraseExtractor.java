package io.newswire.streams.tagging.keyphrases;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The phrases that best describe one article against a reference corpus, so that a story the taxonomy does
 * not know still shows up. Candidates are noun phrases of up to three content words: stop words,
 * punctuation, verbs and adverbs split them ({@link WordClasses}: "moscow sees" gives "moscow"), and a
 * phrase does not end on an adjective. A candidate scores the sum of the TF-IDF of its stems, with IDF from
 * fixed {@link DocumentFrequencies}: the same article always gets the same keyphrases, whatever came before.
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

    private static final Comparator<Map.Entry<String, Double>> BY_SCORE =
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

    private final DocumentFrequencies frequencies;
    private final CharArraySet breaking;
    private final CharArraySet modifiers;
    private final int limit;

    public KeyphraseExtractor(DocumentFrequencies frequencies, WordClasses classes, int limit) {
        this.frequencies = frequencies;
        this.breaking = classes.breaking();
        this.modifiers = classes.modifiers();
        this.limit = limit;
    }

    private record Candidate(String text, List<String> stems) {
    }

    public List<String> extract(AnalyzedText text) {
        Map<String, Integer> termCounts = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        int runStart = -1;
        for (int i = 0; i <= text.size(); i++) {
            boolean content = i < text.size() && isContent(text, i) && !text.lowerIn(breaking, i);
            if (content) {
                String stem = text.stem(i);
                termCounts.merge(stem, 1, Integer::sum);
                if (runStart < 0) {
                    runStart = i;
                    stems = new ArrayList<>();
                }
                stems.add(stem);
            }
            boolean runEnds = !content || !text.joinedToNext(i) || stems.size() == MAX_WORDS;
            if (runStart >= 0 && runEnds) {
                int last = content ? i : i - 1;
                // a noun phrase ends on its noun: "nuclear" alone or "north korean" is not one
                while (last >= runStart && text.lowerIn(modifiers, last)) {
                    stems.remove(stems.size() - 1);
                    last--;
                }
                if (last >= runStart) {
                    candidates.add(new Candidate(phrase(text, runStart, last), stems));
                }
                runStart = -1;
            }
        }
        return best(candidates, termCounts);
    }

    private List<String> best(List<Candidate> candidates, Map<String, Integer> termCounts) {
        Map<String, Double> scores = new HashMap<>(candidates.size() * 2);
        for (Candidate candidate : candidates) {
            double score = 0;
            for (String stem : candidate.stems()) {
                score += (1 + Math.log(termCounts.get(stem))) * frequencies.idf(stem);
            }
            scores.merge(candidate.text(), score, Math::max);
        }
        // The top few by a bounded insertion, not a sort of every candidate; ties go to the earlier text.
        List<Map.Entry<String, Double>> top = new ArrayList<>(limit + 1);
        for (Map.Entry<String, Double> entry : scores.entrySet()) {
            int at = top.size();
            while (at > 0 && BY_SCORE.compare(entry, top.get(at - 1)) < 0) {
                at--;
            }
            if (at < limit) {
                top.add(at, entry);
                if (top.size() > limit) {
                    top.remove(limit);
                }
            }
        }
        return top.stream().map(Map.Entry::getKey).toList();
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
