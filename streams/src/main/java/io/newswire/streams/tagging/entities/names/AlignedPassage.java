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
        int[] startOf = new int[tokens.size()];
        AnalyzedText text = reuse == null ? new AnalyzedText() : reuse;
        text.analyze(analyzer, join(tokens, startOf), 0, stems, words);
        int[] source = new int[text.size()];
        int[] gold = new int[text.size()];
        int t = 0;
        for (int i = 0; i < text.size(); i++) {
            while (t + 1 < tokens.size() && startOf[t + 1] <= text.start(i)) {
                t++;
            }
            source[i] = t;
            gold[i] = label(passage.tags().get(t), i > 0 ? gold[i - 1] : NameLabels.OUTSIDE, i > 0 && source[i - 1] == t);
        }
        return new AlignedPassage(text, Arrays.copyOf(source, source.length), gold);
    }

    /** The words joined as an article writes them; {@code startOf} gets each word's offset. */
    private static String join(List<String> tokens, int[] startOf) {
        StringBuilder joined = new StringBuilder();
        for (int t = 0; t < tokens.size(); t++) {
            String word = tokens.get(t);
            if (t > 0 && !GLUED.contains(word) && !NO_SPACE_BEFORE.contains(word)) {
                joined.append(' ');
            }
            startOf[t] = joined.length();
            joined.append(word);
        }
        return joined.toString();
    }

    /** The label of an analysed token from its CoNLL tag: a second token of one word continues its name. */
    private static int label(String tag, int previous, boolean sameToken) {
        int type = tag.length() > 2 && tag.charAt(1) == '-' ? NameLabels.typeOf(tag.substring(2)) : -1;
        if (type < 0) {
            return NameLabels.OUTSIDE;
        }
        boolean continues = (sameToken || tag.startsWith("I-")) && NameLabels.type(previous) == type;
        return continues ? NameLabels.inside(type) : NameLabels.begin(type);
    }
}
