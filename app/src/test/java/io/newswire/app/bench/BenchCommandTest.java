package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.app.Newswire;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's usage errors, and its refusal to wipe a directory it did not make. No Kafka needed. */
class BenchCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @TempDir
    Path dir;

    @BeforeEach
    void captureErrors() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrors() {
        System.setErr(originalErr);
    }

    @Test
    void shouldExitTwoWhenACountIsNotPositive() {
        assertThat(Newswire.run("bench", "--articles", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be at least 1");
        assertThat(Newswire.run("bench", "--warmup", "-1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--warmup at least 0");
    }

    @Test
    void shouldNotWipeAWorkDirectoryItDidNotMake() throws Exception {
        Path precious = Files.writeString(dir.resolve("thesis.txt"), "do not delete");

        int code = Newswire.run("bench", "--work-dir", dir.toString(), "--seeds", "../seeds",
                "--bootstrap-servers", "127.0.0.1:1");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("newswire: will not wipe").contains("not made by newswire bench");
        assertThat(precious).exists();
    }
}
