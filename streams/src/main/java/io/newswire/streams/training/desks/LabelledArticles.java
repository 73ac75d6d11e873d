package io.newswire.streams.training.desks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newswire.common.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled articles from JSON lines ({@code title}, {@code body}, {@code category}). */
public final class LabelledArticles {

    /** A line longer than this is not an article but a mistake; refusing it keeps memory bounded. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private LabelledArticles() {
    }

    /**
     * Every labelled article of the file, in file order.
     *
     * @throws IllegalArgumentException naming the line, when a line is not JSON or has no category or text
     */
    public static List<LabelledArticle> read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read labelled data " + file);
        }
        ObjectReader reader = Json.mapper().readerFor(LabelledArticle.class);
        List<LabelledArticle> articles = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE_CHARS) {
                    throw new IllegalArgumentException(file + " line " + number + ": longer than "
                            + MAX_LINE_CHARS + " characters");
                }
                articles.add(parse(reader, line, file, number));
            }
        }
        if (articles.isEmpty()) {
            throw new IllegalArgumentException(file + " has no labelled articles");
        }
        return articles;
    }

    private static LabelledArticle parse(ObjectReader reader, String line, Path file, int number) {
        LabelledArticle article;
        try {
            article = reader.readValue(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + number + ": not JSON: " + e.getOriginalMessage());
        }
        if (article.category() == null || article.category().isBlank()) {
            throw new IllegalArgumentException(file + " line " + number + ": no \"category\"");
        }
        if ((article.title() == null || article.title().isBlank()) && (article.body() == null || article.body().isBlank())) {
            throw new IllegalArgumentException(file + " line " + number + ": no \"title\" nor \"body\"");
        }
        return article;
    }
}
