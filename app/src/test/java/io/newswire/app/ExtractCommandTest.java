package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswire extract}: one JSON line per page, from files and from stdin, any charset. */
class ExtractCommandTest {

    private static final String PAGE = "<html lang=\"de\"><head><meta charset=\"windows-1252\">"
            + "<title>Straßenbahn fährt wieder | Zeitung</title>"
            + "<link rel=\"canonical\" href=\"https://example.org/2026/11/20/strassenbahn\">"
            + "<meta name=\"author\" content=\"Jürgen Groß\"></head><body>"
            + "<nav><a href=\"/\">Startseite</a> <a href=\"/lokal\">Lokales</a></nav>"
            + "<article><h1>Straßenbahn fährt wieder</h1>"
            + "<p>Nach drei Wochen Bauzeit fährt die Straßenbahn wieder über die Brücke, teilte die Stadt mit.</p>"
            + "<p>Die Fahrgäste müssen sich dennoch auf Verspätungen einstellen, sagte ein Sprecher.</p></article>"
            + "<footer>Impressum · Datenschutz</footer></body></html>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @TempDir
    Path dir;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    @Test
    void shouldPrintTextAndMetadataOfAFileInItsOwnCharset() throws Exception {
        Path file = dir.resolve("page.html");
        Files.write(file, PAGE.getBytes(Charset.forName("windows-1252")));

        int code = Newswire.run("extract", file.toString());

        assertThat(code).isEqualTo(0);
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode page = JSON.readTree(lines[0]);
        assertThat(page.get("file").asText()).isEqualTo(file.toString());
        assertThat(page.get("title").asText()).isEqualTo("Straßenbahn fährt wieder");
        assertThat(page.get("text").asText()).isEqualTo("Nach drei Wochen Bauzeit fährt die Straßenbahn wieder über die "
                + "Brücke, teilte die Stadt mit.\n\nDie Fahrgäste müssen sich dennoch auf Verspätungen einstellen, sagte ein Sprecher.");
        assertThat(page.get("canonicalUrl").asText()).isEqualTo("https://example.org/2026/11/20/strassenbahn");
        assertThat(page.get("publishedAt").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(page.get("language").asText()).isEqualTo("de");
        assertThat(page.get("author").asText()).isEqualTo("Jürgen Groß");
    }

    @Test
    void shouldReadAGzippedPage() throws Exception {
        Path file = dir.resolve("page.html.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file))) {
            gzip.write(PAGE.getBytes(Charset.forName("windows-1252")));
        }

        int code = Newswire.run("extract", file.toString());

        assertThat(code).isEqualTo(0);
        JsonNode page = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(page.get("title").asText()).isEqualTo("Straßenbahn fährt wieder");
        assertThat(page.get("text").asText()).startsWith("Nach drei Wochen Bauzeit");
    }

    @Test
    void shouldReadAPageFromStdin() throws Exception {
        System.setIn(new ByteArrayInputStream(PAGE.getBytes(Charset.forName("windows-1252"))));

        int code = Newswire.run("extract", "--url", "https://example.org/a", "-");

        assertThat(code).isEqualTo(0);
        JsonNode page = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(page.get("file").asText()).isEqualTo("-");
        assertThat(page.get("text").asText()).startsWith("Nach drei Wochen").doesNotContain("Startseite", "Impressum");
    }

    @Test
    void shouldNameAMissingFileOnOneLineAndGoOnWithTheOthers() throws Exception {
        Path file = dir.resolve("page.html");
        Files.writeString(file, PAGE);

        int code = Newswire.run("extract", dir.resolve("missing.html").toString(), file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("newswire: " + dir.resolve("missing.html") + ": no such file");
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\n")).hasSize(1);
    }

    @Test
    void shouldRefuseToRunWithoutAFile() {
        int code = Newswire.run("extract");

        assertThat(code).isEqualTo(2);
    }
}
