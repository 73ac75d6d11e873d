package io.newswire.producer.folder;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.producer.testing.Feeds;
import io.newswire.producer.testing.RecordingOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped into a folder, scanned by hand; Kafka replaced by a list. */
class FolderSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final RecordingOutput output = new RecordingOutput();
    private final List<String> lines = new ArrayList<>();

    private FolderSource source() {
        return new FolderSource(dir, new FolderFileReader(CLOCK), output, Duration.ofSeconds(1), CLOCK, lines::add);
    }

    /** Writes a file last modified a minute ago: complete. */
    private Path drop(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
        return file;
    }

    @Test
    void shouldPublishEachKindOfFileOnceAndMoveItToProcessed() throws Exception {
        drop("a.txt", " date 2024-10-15 Troops gathered near the border.\nMore text here.\n");
        drop("b.json", "[{\"title\":\"JSON one\",\"body\":\"Body one\",\"url\":\"https://example.org/j1\"},"
                + "{\"title\":\"JSON two\",\"body\":\"Body two\"}]");
        drop("c.html", Feeds.articlePage("HTML story", "The page's only paragraph."));
        drop("ignored.pdf", "%PDF");
        FolderSource source = source();

        ScanReport first = source.scanOnce();
        ScanReport second = source.scanOnce();

        assertThat(first).isEqualTo(new ScanReport(3, 0, 0, 4));
        assertThat(second).isEqualTo(new ScanReport(0, 0, 0, 0));
        assertThat(output.published()).extracting(Article::title)
                .containsExactly("Troops gathered near the border.", "JSON one", "JSON two", "HTML story");
        assertThat(output.published()).extracting(Article::source).containsOnly("folder");
        assertThat(output.published().get(3).body()).isEqualTo("The page's only paragraph.");
        assertThat(output.published().get(0).publishedAt()).isEqualTo(Instant.parse("2024-10-15T00:00:00Z"));
        assertThat(dir.resolve("processed")).isDirectoryContaining("glob:**/a.txt")
                .isDirectoryContaining("glob:**/b.json").isDirectoryContaining("glob:**/c.html");
        assertThat(dir.resolve("ignored.pdf")).exists();
    }

    @Test
    void shouldWaitForAFileThatIsStillBeingWritten() throws Exception {
        Path growing = dir.resolve("late.txt");
        Files.writeString(growing, "Half a tit");
        Files.setLastModifiedTime(growing, FileTime.from(NOW.minusMillis(200)));
        drop(".hidden.json.tmp", "{\"title\":\"partial");
        FolderSource source = source();

        assertThat(source.scanOnce()).isEqualTo(new ScanReport(0, 0, 1, 0));

        Files.writeString(growing, "Half a title, now whole.\nBody.\n");
        Files.setLastModifiedTime(growing, FileTime.from(NOW.minusSeconds(5)));
        // Its size changed since the last scan: one more scan to be sure the writer is done.
        assertThat(source.scanOnce().filesWaiting()).isEqualTo(1);
        assertThat(source.scanOnce().filesDone()).isEqualTo(1);
        assertThat(output.published()).extracting(Article::title).containsExactly("Half a title, now whole.");
    }

    @Test
    void shouldMoveBadFilesToFailedWithTheReason() throws Exception {
        drop("broken.json", "{\"title\": ");
        drop("empty.json", "{\"url\":\"https://example.org/x\"}");

        ScanReport report = source().scanOnce();

        assertThat(report.filesFailed()).isEqualTo(2);
        assertThat(output.published()).isEmpty();
        assertThat(Files.readString(dir.resolve("failed/broken.json.reason.txt"))).startsWith("malformed JSON");
        assertThat(Files.readString(dir.resolve("failed/empty.json.reason.txt"))).contains("missing title and body");
    }

    @Test
    void shouldLeaveAFileInPlaceUntilKafkaAcknowledgedIt() throws Exception {
        drop("a.json", "{\"title\":\"T\",\"body\":\"B\"}");
        FolderSource source = source();
        output.failing(true);

        assertThat(source.scanOnce().filesWaiting()).isEqualTo(1);
        assertThat(dir.resolve("a.json")).exists();

        output.failing(false);
        assertThat(source.scanOnce().filesDone()).isEqualTo(1);
        assertThat(dir.resolve("a.json")).doesNotExist();
        assertThat(output.published()).hasSize(1);
    }
}
