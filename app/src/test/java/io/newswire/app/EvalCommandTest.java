package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code newswire eval GOLD}: the figures, and one-line errors. */
class EvalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void shouldPrintPrecisionRecallAndF1OfTheGoldFile() {
        int code = Newswire.run("eval", "../eval/gold.jsonl");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("gold articles from ../eval/gold.jsonl", "precision", "topics", "entities", "quantities");
    }

    @Test
    void shouldFailWithOneLineWhenTheGoldFileIsMissing() {
        int code = Newswire.run("eval", "/no/such/gold.jsonl");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("newswire: gold file not found: /no/such/gold.jsonl");
    }

    @Test
    void shouldFailWithOneLineWhenTheTaxonomyFileIsMissing() {
        int code = Newswire.run("eval", "../eval/gold.jsonl", "--taxonomy", "/no/such/taxonomy.json");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("newswire: taxonomy file not found: /no/such/taxonomy.json");
    }
}
