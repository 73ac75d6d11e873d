package io.newswire.streams.tagging.keyphrases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFrequenciesTest {

    @TempDir
    Path dir;

    private static DocumentFrequencies threeDocuments() {
        DocumentFrequencies.Builder builder = new DocumentFrequencies.Builder();
        builder.observe(List.of("troop", "said"));
        builder.observe(List.of("said"));
        builder.observe(List.of("said", "rice", "troop"));
        return builder.build(2, "test");
    }

    @Test
    void shouldScoreRareStemsHigherThanCommonOnes() {
        DocumentFrequencies frequencies = threeDocuments();

        assertThat(frequencies.documents()).isEqualTo(3);
        assertThat(frequencies.idf("troop")).isGreaterThan(frequencies.idf("said"));
        assertThat(frequencies.idf("never-seen")).isGreaterThan(frequencies.idf("troop"));
    }

    @Test
    void shouldLeaveOutStemsOfASingleDocument() {
        DocumentFrequencies frequencies = threeDocuments();

        assertThat(frequencies.terms()).isEqualTo(2);
        assertThat(frequencies.idf("rice")).isEqualTo(frequencies.idf("never-seen"));
    }

    @Test
    void shouldReadBackWhatItWrote() throws Exception {
        DocumentFrequencies frequencies = threeDocuments();
        frequencies.write(dir.resolve("df.tsv"));

        try (InputStream in = Files.newInputStream(dir.resolve("df.tsv"))) {
            DocumentFrequencies read = DocumentFrequencies.read(in, "df.tsv");
            assertThat(read.idf("troop")).isEqualTo(frequencies.idf("troop"));
            assertThat(read.documents()).isEqualTo(3);
            assertThat(read.source()).isEqualTo("test");
        }
    }

    @Test
    void shouldShipFrequenciesOfAReferenceCorpus() {
        DocumentFrequencies shipped = DocumentFrequencies.defaultFrequencies();

        assertThat(shipped.documents()).isGreaterThan(1000);
        assertThat(shipped.idf("troop")).isGreaterThan(shipped.idf("said"));
    }
}
