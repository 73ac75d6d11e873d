package io.newswire.producer.seeds;

import io.newswire.common.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code .txt} seed of a folder, in file-name order, into articles. */
public final class SeedReader {

    private final SeedParser parser;

    public SeedReader(SeedParser parser) {
        this.parser = parser;
    }

    /**
     * @throws IllegalArgumentException with a clear message when the folder is missing or unreadable
     */
    public List<Article> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("seed folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .map(this::readOne)
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list seed folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private Article readOne(Path file) {
        try {
            // Seeds are UTF-8; a stray invalid byte becomes U+FFFD rather than losing the article.
            return parser.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + file, e);
        }
    }
}
