package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import java.util.Arrays;
import java.util.List;

/**
 * A CoNLL passage as the tagger sees an article: its words joined into text (punctuation where it belongs,
 * "'s" glued to its word), analysed like any article, with each analysed token mapped back to the CoNLL
 * token it came from and given that token's label. Training and evaluation both go through here, so the
 * model learns on exactly the tokens it meets in articles.
 */
final class AlignedPassage {

    private static final List<String> GLUED = List.of("'s", "'", "\u2019s", "n't", "'re", "'ll", "'ve", "'d", "'m");
    private static final List<String> NO_SPACE_BEFORE = List.of(".", ",", ";", ":", "!", "?", ")", "%");

    final AnalyzedText text;
    /** For each analysed token, the index of its CoNLL token. */
    final int[] source;
    /** For each analysed token, its gold label ({@link NameLabels}). */
    final int[] gold;

    private AlignedPassage(AnalyzedText text, int[] source, int[] gold) {
        this.text = text;
        this.source = source;
        this.gold = gold;
    }

    static AlignedPassage of(ConllCorpus.Passage passage, NewsAnalyzer analyzer, Vocabulary stems, Vocabulary words,
                             AnalyzedText reuse) {
        List<String> tokens = passage.words();
        StringBuilder joined = new StringBuilder();
        int[] startOf = new int[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            String word = tokens.get(t);
            if (t > 0 && !GLUED.contains(word) && !NO_SPACE_BEFORE.contains(word)) {
                joined.append(' ');
            }
            startOf[t] = joined.length();
            joined.append(word);
        }
        AnalyzedText text = reuse == null ? new AnalyzedText() : reuse;
        text.analyze(analyzer, joined.toString(), 0, stems, words);
        int[] source = new int[text.size()];
        int[] gold = new int[text.size()];
        int t = 0;
        for (int i = 0; i < text.size(); i++) {
            while (t + 1 < tokens.size() && startOf[t + 1] <= text.start(i)) {
                t++;
            }
            source[i] = t;
            String tag = passage.tags().get(t);
            int type = tag.length() > 2 && tag.charAt(1) == '-' ? NameLabels.typeOf(tag.substring(2)) : -1;
            int label = NameLabels.OUTSIDE;
            if (type >= 0) {
                int previous = i > 0 ? gold[i - 1] : NameLabels.OUTSIDE;
                boolean sameToken = i > 0 && source[i - 1] == t;
                boolean continues = (sameToken || tag.startsWith("I-")) && NameLabels.type(previous) == type;
                label = continues ? NameLabels.inside(type) : NameLabels.begin(type);
            }
            gold[i] = label;
        }
        return new AlignedPassage(text, Arrays.copyOf(source, source.length), gold);
    }
}
