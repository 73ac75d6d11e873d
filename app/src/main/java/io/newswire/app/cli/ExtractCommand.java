package io.newswire.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.producer.fulltext.ArticleTextExtractor;
import io.newswire.producer.fulltext.SavedPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code extract [--url URL] FILE... | -}: what newswire makes of a web page (the article text and metadata the
 * full-text fetch and the folder source would keep), one JSON line per page. Pages are decoded by their charset
 * as a browser would; no network access.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print the article text and metadata newswire extracts from web pages, one JSON line per page:",
            "{file, title, text, publishedAt, canonicalUrl, language, author}. '-' reads a page from stdin."})
public final class ExtractCommand implements Callable<Integer> {

    /** Pages are capped like fetched ones (a little more): a larger file is refused, not read into memory. */
    static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "HTML files, or - for stdin")
    List<String> files;

    @Option(names = "--url", paramLabel = "URL",
            description = "the address the page came from: resolves relative links and gives a date found in the URL")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (files.stream().filter("-"::equals).count() > 1) {
            throw new ParameterException(spec.commandLine(), "stdin ('-') can be read only once");
        }
        ArticleTextExtractor extractor = new ArticleTextExtractor();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int failed = 0;
        for (String file : files) {
            byte[] page;
            try {
                page = read(file);
            } catch (IOException e) {
                failed++;
                System.err.println("newswire: " + file + ": " + reason(e));
                continue;
            }
            ArticleTextExtractor.Extracted extracted = extractor.extract(page, null, url);
            ObjectNode line = JSON.createObjectNode();
            line.put("file", file);
            line.put("title", extracted.title());
            line.put("text", extracted.text());
            line.put("publishedAt", extracted.publishedAt() == null ? null : extracted.publishedAt().toString());
            line.put("canonicalUrl", extracted.canonicalUrl());
            line.put("language", extracted.language());
            line.put("author", extracted.author());
            out.println(JSON.writeValueAsString(line));
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            return SavedPage.read(in, MAX_PAGE_BYTES);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
