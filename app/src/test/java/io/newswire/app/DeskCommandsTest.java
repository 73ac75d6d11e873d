package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.testsupport.ConsoleCapture;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code eval --data --model} and {@code tag --model}, on a labelled set made up here. */
class DeskCommandsTest {

    private static final Map<String, List<String>> VOCABULARY = Map.of(
            "business", List.of("shares", "profit", "market", "bank", "investors", "earnings", "economy", "sales"),
            "sport", List.of("match", "goal", "striker", "league", "coach", "season", "cup", "referee"),
            "tech", List.of("software", "computer", "internet", "phone", "users", "digital", "online", "chip"));

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Path labelled(String name, int perDesk, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (String desk : List.of("business", "sport", "tech")) {
            for (int i = 0; i < perDesk; i++) {
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < 30; w++) {
                    body.append(VOCABULARY.get(desk).get(random.nextInt(8))).append(random.nextBoolean() ? " said " : " ");
                }
                lines.add(Json.mapper().writeValueAsString(Map.of("id", desk + i, "category", desk,
                        "title", VOCABULARY.get(desk).get(random.nextInt(8)) + " news", "body", body.toString())));
            }
        }
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void shouldTrainCrossValidateEvaluateAndTagWithTheModel() throws Exception {
        Path model = dir.resolve("models/desks.bin");

        int trained = Newswire.run("train", "--data", labelled("train.jsonl", 12, 1).toString(), "--folds", "2",
                "--out", model.toString());

        assertThat(trained).as(console.err()).isZero();
        assertThat(console.out()).contains("fold 1/2", "fold 2/2", "cross-validated (2 folds) accuracy",
                "confusion matrix", "wrote " + model);
        assertThat(model).isRegularFile();

        console.reset();
        int evaluated = Newswire.run("eval", "--data", labelled("held-out.jsonl", 4, 2).toString(), "--model", model.toString());

        assertThat(evaluated).isZero();
        assertThat(console.out()).contains("evaluating on 12 labelled articles", "accuracy 1.0000 (12/12)");

        console.reset();
        System.setIn(new ByteArrayInputStream(("{\"id\":\"a1\",\"title\":\"Striker goal\",\"body\":\"The coach said the "
                + "league match and the cup season.\",\"publishedAt\":\"2026-01-02T10:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8)));
        int tagged = Newswire.run("tag", "--model", model.toString());

        assertThat(tagged).isZero();
        JsonNode record = Json.mapper().readTree(console.out().strip());
        assertThat(record.path("modelVersion").asText()).startsWith("desks-");
        assertThat(record.path("topics").findValuesAsText("id")).contains("desk-sport");
    }

    @Test
    void shouldFailWithOneLineOnAMissingModelOrBadFolds() throws Exception {
        assertThat(Newswire.run("tag", "--model", dir.resolve("none.bin").toString())).isEqualTo(1);
        assertThat(console.err().strip())
                .isEqualTo("newswire: cannot read desk model " + dir.resolve("none.bin"));

        console.reset();
        assertThat(Newswire.run("train", "--data", labelled("t.jsonl", 3, 1).toString(), "--folds", "1",
                "--out", dir.resolve("m.bin").toString())).isEqualTo(1);
        assertThat(console.err().strip())
                .isEqualTo("newswire: --folds must be 0 (no cross-validation) or at least 2");
    }
}
