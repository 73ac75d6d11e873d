package io.newswire.producer.folder;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.producer.testing.RecordingOutput;
import java.io.IOException;
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

/** The inbox publishes only what is in it, and one file it cannot read does not stop the scan. */
class FolderSourceHostileTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    @TempDir
    Path outside;
    private final RecordingOutput output = new RecordingOutput();
    private final List<String> lines = new ArrayList<>();

    @Test
    void shouldNotFollowALinkOutOfTheInbox() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "Private key material\nnot for publishing\n");
        Files.createSymbolicLink(inbox.resolve("secret.txt"), secret);
        drop(inbox, "news.txt", "Troops gathered near the border.\nMore text.\n");
        FolderSource source = new FolderSource(inbox, new FolderFileReader(CLOCK), output, Duration.ofSeconds(1),
                CLOCK, lines::add);

        ScanReport report = source.scanOnce();

        assertThat(report.filesFailed()).isEqualTo(1);
        assertThat(output.published()).extracting(Article::title).containsExactly("Troops gathered near the border.");
        assertThat(Files.isSymbolicLink(inbox.resolve("failed").resolve("secret.txt"))).isTrue();
        assertThat(inbox.resolve("failed").resolve("secret.txt.reason.txt")).content().contains("symbolic link");
        assertThat(secret).exists().content().startsWith("Private key");
    }

    @Test
    void shouldMoveAFileItCannotReadToFailedAndGoOn() throws Exception {
        drop(dir, "a.txt", "First story.\nBody.\n");
        drop(dir, "b.txt", "Unreadable story.\nBody.\n");
        drop(dir, "c.txt", "Third story.\nBody.\n");
        FolderSource source = new FolderSource(dir, new FolderFileReader(CLOCK), output, Duration.ofSeconds(1),
                CLOCK, lines::add, file -> {
                    if (file.getFileName().toString().equals("b.txt")) {
                        throw new IOException("Permission denied");
                    }
                    return Files.newInputStream(file);
                });

        ScanReport report = source.scanOnce();

        assertThat(report.filesDone()).isEqualTo(2);
        assertThat(report.filesFailed()).isEqualTo(1);
        assertThat(output.published()).extracting(Article::title).containsExactly("First story.", "Third story.");
        assertThat(dir.resolve("failed").resolve("b.txt.reason.txt")).content().contains("Permission denied");
    }

    private static void drop(Path folder, String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
    }
}
