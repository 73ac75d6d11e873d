package io.newswire.streams.tagging.keyphrases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {

    @Test
    void shouldScoreRareStemsHigherThanCommonOnes() {
        DocumentFrequencies frequencies = new DocumentFrequencies(100);
        frequencies.observe(List.of("troop", "said"));
        frequencies.observe(List.of("said"));
        frequencies.observe(List.of("said", "rice"));

        assertThat(frequencies.documents()).isEqualTo(3);
        assertThat(frequencies.idf("rice")).isGreaterThan(frequencies.idf("said"));
        assertThat(frequencies.idf("never-seen")).isGreaterThan(frequencies.idf("rice"));
    }

    @Test
    void shouldStopLearningNewStemsAtItsBound() {
        DocumentFrequencies frequencies = new DocumentFrequencies(3);
        frequencies.observe(List.of("a", "b", "c"));

        frequencies.observe(List.of("a", "d", "e"));

        assertThat(frequencies.terms()).isEqualTo(3);
        assertThat(frequencies.idf("a")).isLessThan(frequencies.idf("b"));
        assertThat(frequencies.idf("d")).isEqualTo(frequencies.idf("never-seen"));
    }
}
