package io.newswire.streams.tagging.entities.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameModelTest {

    private static final String TRAINING = """
            -DOCSTART- -X- O

            Michael B-PER
            Howard I-PER
            met O
            officials O
            in O
            Paris B-LOC
            . O

            The O
            United B-ORG
            Nations I-ORG
            said O
            Howard B-PER
            will O
            visit O
            Berlin B-LOC
            . O
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReadTheNamesOfACoNllPassageAsSpans() throws Exception {
        Path file = Files.writeString(dir.resolve("train.conll"), TRAINING);

        var passages = ConllCorpus.read(file);

        assertThat(passages).hasSize(1);
        assertThat(ConllCorpus.names(passages.get(0)))
                .containsExactly("0:1:PER", "5:5:LOC", "8:9:ORG", "11:11:PER", "14:14:LOC");
    }

    @Test
    void shouldLearnTheTrainingNamesAndGiveTheSameModelBackFromItsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("train.conll"), TRAINING.repeat(5));
        var passages = ConllCorpus.read(file);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        NameModel model = new NameTrainer(new NameTrainer.Settings(5, 1, 7), clock).train(passages, "train.conll");

        model.write(dir.resolve("names.model"));
        NameModel read = NameModel.read(dir.resolve("names.model"));

        assertThat(read.info()).isEqualTo(model.info());
        assertThat(read.knownNames().size()).isEqualTo(model.knownNames().size()).isPositive();
        assertThat(NameEvaluation.run(new NameFinder(read), passages).get("ALL").f1()).isEqualTo(1.0);
        assertThat(new NameTrainer(new NameTrainer.Settings(5, 1, 7), clock).train(passages, "train.conll").info()
                .version()).isEqualTo(model.info().version());
    }

    @Test
    void shouldRefuseAFileThatIsNotANameModel() throws Exception {
        Path file = Files.writeString(dir.resolve("other.model"), "hello\n");

        assertThatThrownBy(() -> NameModel.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a newswire name model");
    }

    @Test
    void shouldRefuseAModelTrainedForOtherFeaturesWithAClearMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("train.conll"), TRAINING);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        new NameTrainer(new NameTrainer.Settings(2, 1, 7), clock).train(ConllCorpus.read(file), "train.conll")
                .write(dir.resolve("names.model"));
        byte[] bytes = Files.readAllBytes(dir.resolve("names.model"));
        String header = new String(bytes, 0, 200, StandardCharsets.ISO_8859_1);
        int at = header.indexOf(NameModelInfo.FEATURE_SCHEME);
        byte[] older = "names-0".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(older, 0, bytes, at, older.length);
        Path old = Files.write(dir.resolve("old.model"), bytes);

        assertThatThrownBy(() -> NameModel.read(old)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trained for features names-0").hasMessageContaining("train it again");
    }

    @Test
    void shouldShipAModelTrainedForTheseFeatures() {
        NameModel model = NameModel.defaultModel();

        assertThat(model.info().featureScheme()).isEqualTo(NameModelInfo.FEATURE_SCHEME);
        assertThat(model.info().features()).isPositive();
        assertThat(Map.of("data", model.info().trainingData())).containsEntry("data", "gmb-train.conll");
    }
}
