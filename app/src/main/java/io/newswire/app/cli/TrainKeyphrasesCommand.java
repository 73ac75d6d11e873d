package io.newswire.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import io.newswire.streams.tagging.keyphrases.DocumentFrequencies;
import io.newswire.streams.tagging.keyphrases.ReferenceCorpus;
import io.newswire.streams.tagging.keyphrases.WordClasses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newswire train-keyphrases}: the two fixed resources of the keyphrase extractor, the document
 * frequencies of a reference corpus of articles and the word classes of a part-of-speech tagged corpus.
 */
@Command(name = "train-keyphrases", mixinStandardHelpOptions = true,
        description = "Build the keyphrase resources: document frequencies and word classes.")
public final class TrainKeyphrasesCommand implements Callable<Integer> {

    private static final int MAX_LINE_CHARS = 10 << 20;

    @Option(names = "--corpus", paramLabel = "ARTICLES.jsonl",
            description = "reference articles, JSON lines with title and body: writes document-frequencies.tsv")
    Path corpus;

    @Option(names = "--pos", paramLabel = "TAGGED.conll",
            description = "CoNLL-format file with the part-of-speech tag in the second column: writes word-classes.tsv")
    Path pos;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "where to write the files")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        if (corpus == null && pos == null) {
            throw new IllegalArgumentException("give --corpus, --pos or both");
        }
        PrintStream console = System.out;
        if (corpus != null) {
            DocumentFrequencies frequencies = frequencies(corpus);
            Path out = outDir.resolve("document-frequencies.tsv");
            frequencies.write(out);
            console.printf(Locale.ROOT, "wrote %s: %d stems from %d documents%n", out, frequencies.terms(),
                    frequencies.documents());
        }
        if (pos != null) {
            WordClasses classes = wordClasses(pos);
            Path out = outDir.resolve("word-classes.tsv");
            classes.write(out);
            console.printf(Locale.ROOT, "wrote %s: %d words that are not nouns%n", out, classes.size());
        }
        return 0;
    }

    private static DocumentFrequencies frequencies(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corpus not found: " + file);
        }
        try (ReferenceCorpus reference = new ReferenceCorpus();
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE_CHARS) {
                    throw new IllegalArgumentException(file + " line " + number + " is longer than 10 MB");
                }
                JsonNode article = Json.mapper().readTree(line);
                String title = article.path("title").asText("");
                String body = article.path("body").asText("");
                reference.add(title.isEmpty() ? body : title + "\n\n" + body);
            }
            return reference.frequencies(file.getFileName().toString());
        }
    }

    private static WordClasses wordClasses(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("tagged corpus not found: " + file);
        }
        WordClasses.Builder builder = new WordClasses.Builder();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] columns = line.strip().split("\\s+");
                if (columns.length >= 3 && !columns[0].startsWith("-DOCSTART-")) {
                    builder.observe(columns[0], columns[1]);
                }
            }
        }
        return builder.build(file.getFileName().toString());
    }
}
