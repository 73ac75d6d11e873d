package io.newswire.streams.tagging.desks;

import io.newswire.streams.training.desks.DeskTrainer;
import io.newswire.streams.training.desks.DeskTrainingSettings;
import io.newswire.streams.training.desks.LabelledArticle;
import io.newswire.streams.training.desks.SmallLabelledSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskModelFileTest {

    private static DeskModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
            model = trainer.train(SmallLabelledSet.articles(10, 1));
        }
    }

    @Test
    void shouldReadBackTheModelItWrote() throws Exception {
        Path file = dir.resolve("desks.bin");

        DeskModelFile.write(model, file);
        DeskModel read = DeskModelFile.read(file);

        assertThat(read.info()).isEqualTo(model.info());
        assertThat(Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(0)).isEqualTo("newswire-desk-model 1");
        LabelledArticle probe = SmallLabelledSet.articles(1, 5).get(0);
        assertThat(read.scores(probe.title(), probe.body()))
                .containsExactly(model.scores(probe.title(), probe.body()), within(1e-12));
    }

    @Test
    void shouldRefuseAFileThatIsNotADeskModel() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        assertThatThrownBy(() -> DeskModelFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " is not a newswire desk model (train one with `newswire train`)");
        assertThatThrownBy(() -> DeskModelFile.read(dir.resolve("missing.bin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read desk model");
    }

    @Test
    void shouldRefuseAModelMadeForOtherFeatures() throws Exception {
        Path file = dir.resolve("old.bin");
        DeskModelFile.write(model, file);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1)
                .replace(DeskModel.FEATURE_SCHEME, "lucene8-older-scheme");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> DeskModelFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was trained for features lucene8-older-scheme").hasMessageEndingWith("train it again");
    }
}
