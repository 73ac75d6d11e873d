package io.newswire.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {

    @Test
    void shouldMaskPasswordsEvenWhenALineArrivesInPieces() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new RedactingOutputStream(sink), true, StandardCharsets.UTF_8);

        out.print("cannot open jdbc:postgresql://db/n?user=u&pass");
        out.flush();
        out.println("word=hunter2 — no route");
        out.println("ünïcode line without secrets");
        out.print("partial password=abc");
        out.close();

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(
                "cannot open jdbc:postgresql://db/n?user=u&password=*** — no route" + System.lineSeparator()
                + "ünïcode line without secrets" + System.lineSeparator()
                + "partial password=***");
    }
}
