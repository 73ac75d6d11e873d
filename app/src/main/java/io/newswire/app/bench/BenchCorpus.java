package io.newswire.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.producer.seeds.SeedParser;
import io.newswire.producer.seeds.SeedReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentences and titles the bench recombines into articles: those of the seed corpus and, when the
 * file is there, of a JSON-lines corpus ({@code {"title": …, "body": …}} per line, e.g.
 * {@code ../shared/corpora/bbc-news.jsonl}). The corpus is read at run time, never copied into the project.
 */
public final class BenchCorpus {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’']?)\\s+");
    private static final int MIN_SENTENCE = 25;
    private static final int MAX_SENTENCE = 400;

    private final List<String> sentences;
    private final List<String> titles;

    BenchCorpus(List<String> sentences, List<String> titles) {
        if (sentences.isEmpty() || titles.isEmpty()) {
            throw new IllegalArgumentException("the bench corpus has no text: no seeds and no corpus file");
        }
        this.sentences = List.copyOf(sentences);
        this.titles = List.copyOf(titles);
    }

    /**
     * Reads the seeds in {@code seedDir} and, when not null and present, the JSON-lines file {@code corpusFile}.
     */
    public static BenchCorpus load(Path seedDir, Path corpusFile) {
        List<String> sentences = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        if (Files.isDirectory(seedDir)) {
            for (Article seed : new SeedReader(new SeedParser(Clock.systemUTC())).read(seedDir)) {
                addText(seed.title(), seed.body(), sentences, titles);
            }
        }
        if (corpusFile != null && Files.isRegularFile(corpusFile)) {
            try (BufferedReader lines = Files.newBufferedReader(corpusFile, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = Json.mapper().readTree(line);
                    addText(node.path("title").asText(null), node.path("body").asText(null), sentences, titles);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus " + corpusFile + ": " + e.getMessage(), e);
            }
        }
        return new BenchCorpus(sentences, titles);
    }

    private static void addText(String title, String body, List<String> sentences, List<String> titles) {
        if (title != null && !title.isBlank()) {
            titles.add(title.strip());
        }
        if (body == null) {
            return;
        }
        for (String sentence : SENTENCE_END.split(body)) {
            String s = sentence.strip();
            if (s.length() >= MIN_SENTENCE && s.length() <= MAX_SENTENCE) {
                sentences.add(s);
            }
        }
    }

    public List<String> sentences() {
        return sentences;
    }

    public List<String> titles() {
        return titles;
    }
}
