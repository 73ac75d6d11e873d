package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code newswire eval GOLD}: the figures, and one-line errors. */
class EvalCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void shouldPrintPrecisionRecallAndF1OfTheGoldFile() {
        int code = Newswire.run("eval", "../eval/gold.jsonl");

        assertThat(code).isEqualTo(0);
        assertThat(console.out())
                .contains("gold articles from ../eval/gold.jsonl", "precision", "topics", "entities", "quantities");
    }

    @Test
    void shouldFailWithOneLineWhenTheGoldFileIsMissing() {
        int code = Newswire.run("eval", "/no/such/gold.jsonl");

        assertThat(code).isEqualTo(1);
        assertThat(console.err().strip()).isEqualTo("newswire: gold file not found: /no/such/gold.jsonl");
    }

    @Test
    void shouldFailWithOneLineWhenTheTaxonomyFileIsMissing() {
        int code = Newswire.run("eval", "../eval/gold.jsonl", "--taxonomy", "/no/such/taxonomy.json");

        assertThat(code).isEqualTo(1);
        assertThat(console.err().strip())
                .isEqualTo("newswire: taxonomy file not found: /no/such/taxonomy.json");
    }
}
