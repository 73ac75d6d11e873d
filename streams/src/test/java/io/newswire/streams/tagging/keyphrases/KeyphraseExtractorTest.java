package io.newswire.streams.tagging.keyphrases;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphraseExtractorTest {

    private static final String TEXT = "Grain corridor talks stall\n\nThe grain corridor deal collapsed on Monday. "
            + "Ukrainian grain exports through the Black Sea corridor fell sharply, and grain prices in Egypt rose. "
            + "Black Sea shipping insurers said the corridor was closed; the Black Sea ports of Odesa stayed shut.";

    private final KeyphraseExtractor extractor = new KeyphraseExtractor(DocumentFrequencies.defaultFrequencies(),
            WordClasses.defaultClasses(), 5);

    private static AnalyzedText analyzed(AnalyzedText text, String content) {
        text.analyze(new NewsAnalyzer(), content, content.indexOf('\n'), new Vocabulary(), new Vocabulary());
        return text;
    }

    @Test
    void shouldFindTheSamePhrasesWhetherTheAnalysisKeptTheWordClassesOrNot() {
        List<String> annotated = extractor.extract(analyzed(new AnalyzedText(extractor), TEXT));
        List<String> plain = extractor.extract(analyzed(new AnalyzedText(), TEXT));

        assertThat(annotated).isEqualTo(plain).hasSize(5).contains("black sea ports", "grain corridor talks");
        // the same article twice on one thread: nothing of the first is left in the per-thread tables
        assertThat(extractor.extract(analyzed(new AnalyzedText(extractor), TEXT))).isEqualTo(annotated);
    }

    @Test
    void shouldOrderPhrasesAsTheirStringsWouldBe() {
        AnalyzedText text = analyzed(new AnalyzedText(), "black sea blacks sea black seaside black a sea");
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < text.size(); from++) {
            for (int to = from; to < Math.min(text.size(), from + 3); to++) {
                ranges.add(new int[] {from, to});
            }
        }
        for (int[] a : ranges) {
            for (int[] b : ranges) {
                int expected = Integer.signum(phrase(text, a).compareTo(phrase(text, b)));
                assertThat(Integer.signum(KeyphraseExtractor.comparePhrases(text, a[0], a[1], b[0], b[1])))
                        .as("%s vs %s", phrase(text, a), phrase(text, b)).isEqualTo(expected);
            }
        }
    }

    private static String phrase(AnalyzedText text, int[] range) {
        StringBuilder phrase = new StringBuilder(text.lower(range[0]));
        for (int i = range[0] + 1; i <= range[1]; i++) {
            phrase.append(' ').append(text.lower(i));
        }
        return phrase.toString();
    }
}
