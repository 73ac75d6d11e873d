package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.eval.Score;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Entity-level precision, recall and F1 of a name finder on CoNLL passages, per type and all three types
 * together: a name counts only when its first and last token and its type are all right (as in CoNLL's
 * conlleval). Tokens and tags outside PER, ORG and LOC are ignored.
 */
public final class NameEvaluation {

    private NameEvaluation() {
    }

    /** Scores by type ("PER", "ORG", "LOC") and "ALL", in that order. */
    public static Map<String, Score> run(NameFinder finder, List<ConllCorpus.Passage> passages) {
        return run(finder, passages, mistake -> { });
    }

    /** The same, telling {@code mistakes} each name found but not in the gold ("+") or missed ("-"). */
    public static Map<String, Score> run(NameFinder finder, List<ConllCorpus.Passage> passages,
                                         Consumer<String> mistakes) {
        Map<String, Score> byType = new LinkedHashMap<>();
        for (String type : NameLabels.TYPES) {
            byType.put(type, Score.ZERO);
        }
        NewsAnalyzer analyzer = new NewsAnalyzer();
        Vocabulary stems = new Vocabulary();
        Vocabulary words = new Vocabulary();
        AnalyzedText reuse = new AnalyzedText();
        NameFinder.Scratch scratch = finder.newScratch();
        for (ConllCorpus.Passage passage : passages) {
            AlignedPassage aligned = AlignedPassage.of(passage, analyzer, stems, words, reuse);
            finder.find(aligned.text, scratch);
            Set<String> predicted = new HashSet<>();
            for (int k = 0; k < scratch.count(); k++) {
                predicted.add(aligned.source[scratch.start(k)] + ":" + aligned.source[scratch.end(k)] + ":"
                        + NameLabels.TYPES.get(scratch.type(k)));
            }
            Set<String> gold = new HashSet<>(ConllCorpus.names(passage));
            for (String name : predicted) {
                if (!gold.contains(name)) {
                    mistakes.accept("+ " + describe(passage, name));
                }
            }
            for (String name : gold) {
                if (!predicted.contains(name)) {
                    mistakes.accept("- " + describe(passage, name));
                }
            }
            for (String type : NameLabels.TYPES) {
                String suffix = ":" + type;
                byType.merge(type, Score.of(only(predicted, suffix), only(gold, suffix)), Score::plus);
            }
        }
        analyzer.close();
        Score all = Score.ZERO;
        for (Score score : byType.values()) {
            all = all.plus(score);
        }
        byType.put("ALL", all);
        return byType;
    }

    /** "PER Michael Howard | said Mr Michael Howard on" : the type, the words, and a word of context each side. */
    private static String describe(ConllCorpus.Passage passage, String name) {
        String[] parts = name.split(":");
        int start = Integer.parseInt(parts[0]);
        int end = Integer.parseInt(parts[1]);
        List<String> words = passage.words();
        String context = String.join(" ", words.subList(Math.max(0, start - 3), Math.min(words.size(), end + 4)));
        return parts[2] + " " + String.join(" ", words.subList(start, end + 1)) + "  |  " + context;
    }

    private static Set<String> only(Set<String> names, String suffix) {
        Set<String> result = new HashSet<>();
        for (String name : names) {
            if (name.endsWith(suffix)) {
                result.add(name);
            }
        }
        return result;
    }
}
