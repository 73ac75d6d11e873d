package io.newswire.streams.tagging.entities.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.entities.GazetteerEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownNamesTest {

    private static final Gazetteer GAZETTEER = new Gazetteer(List.of(
            new GazetteerEntry("new-zealand", "New Zealand", "country", List.of("Kiwi"), List.of(), null),
            new GazetteerEntry("reserve-bank", "Reserve Bank of New Zealand", "organization", List.of(), List.of(),
                    null)));

    @Test
    void shouldMarkTheLongestKnownNameOfCandidateTokensWithItsTypeAndBeginning() {
        AnalyzedText text = analyze("The Reserve Bank of New Zealand met in New Zealand, not New York or new zealand.");
        int[] flags = new int[text.size()];
        NameFinder.flags(text, flags);

        KnownNames.of(GAZETTEER).mark(text, flags);

        // The(0) Reserve(1) Bank(2) of(3) New(4) Zealand(5) met(6) in(7) New(8) Zealand(9) not(10) New(11) York(12)
        int organisation = 1 << 1;
        int country = 1 << 2;
        assertThat(KnownNames.of(flags[0])).isZero();
        assertThat(KnownNames.of(flags[1])).isEqualTo(organisation << 1 | 1);
        for (int i = 2; i <= 5; i++) {
            assertThat(KnownNames.of(flags[i])).as("token %d", i).isEqualTo(organisation << 1);
        }
        assertThat(KnownNames.of(flags[8])).isEqualTo(country << 1 | 1);
        assertThat(KnownNames.of(flags[9])).isEqualTo(country << 1);
        assertThat(KnownNames.of(flags[11])).as("New York is no known name").isZero();
        assertThat(KnownNames.of(flags[12])).isZero();
        for (int i = 13; i < text.size(); i++) {
            assertThat(KnownNames.of(flags[i])).as("lowercase token %d", i).isZero();
        }
        assertThat(flags[8] & (BioDecoder.MAY_BEGIN | BioDecoder.MAY_CONTINUE)).as("the decoder's flags stay")
                .isEqualTo(NameFinder.flags(text, 8));
    }

    private static AnalyzedText analyze(String s) {
        AnalyzedText text = new AnalyzedText();
        try (NewsAnalyzer analyzer = new NewsAnalyzer()) {
            text.analyze(analyzer, s, 0, new Vocabulary(), new Vocabulary());
        }
        return text;
    }
}
