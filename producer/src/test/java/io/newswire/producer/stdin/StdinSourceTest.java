package io.newswire.producer.stdin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.producer.testing.RecordingOutput;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class StdinSourceTest {

    @Test
    void shouldReportBadLinesByNumberAndPublishTheRest() throws Exception {
        RecordingOutput output = new RecordingOutput();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String input = "{\"title\":\"One\",\"body\":\"b\"}\n"
                + "not json\n"
                + "\n"
                + "{\"title\":\"Two\",\"body\":\"b\"}\n"
                + "{\"url\":\"https://example.org/only-url\"}\n";

        StdinSource.Result result = new StdinSource(output, Clock.systemUTC())
                .run(new BufferedReader(new StringReader(input)), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(new StdinSource.Result(2, 2, 0));
        assertThat(result.ok()).isFalse();
        assertThat(output.published()).extracting(Article::title).containsExactly("One", "Two");
        assertThat(output.published()).extracting(Article::source).containsOnly("stdin");
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("line 2: malformed JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        "line 5: missing title and body");
    }
}
