package io.newswire.streams.tagging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a model or table file through a temporary file next to it, so that a reader never sees half of one.
 */
public final class AtomicWrite {

    /** Writes the whole content to the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicWrite() {
    }

    /** Creates the parent folders, writes the content to a temporary file, then moves it over {@code file}. */
    public static void write(Path file, Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            content.writeTo(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
