package io.newswire.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswire.app.Components;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.TaggedArticle;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.ResolvedDay;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The tagger alone: JSON lines of {@code Article} on stdin, JSON lines of {@code TaggedArticle} on stdout. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag JSON lines of Article from stdin to JSON lines of TaggedArticle on stdout; no Kafka needed.")
public final class TagCommand implements Callable<Integer> {

    @Mixin
    TaggerOptions tagger;

    @Mixin
    ModelOptions model;

    @Override
    public Integer call() throws Exception {
        TopologyConfig components = Components.withDesks(Components.topologyConfig(new Properties(), tagger), model.model());
        ObjectReader reader = Json.mapper().readerFor(Article.class);
        ObjectWriter writer = Json.mapper().writerFor(TaggedArticle.class);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        long lineNumber = 0;
        long bad = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Article article = reader.readValue(line);
                    if (article.ingestedAt() == null) {
                        article = new Article(article.schemaVersion(), article.id(), article.source(), article.url(),
                                article.title(), article.body(), article.publishedAt(), Instant.now(),
                                article.language());
                    }
                    ResolvedDay day = components.dayResolver().resolve(article, Instant.now());
                    TaggedArticle tagged = TaggedArticle.of(article, day.day().toString(), day.source().label(),
                            components.tagger().tag(article));
                    out.println(writer.writeValueAsString(tagged));
                } catch (JsonProcessingException e) {
                    bad++;
                    System.err.printf("line %d: not an Article: %s%n", lineNumber, e.getOriginalMessage());
                }
            }
        }
        out.flush();
        if (bad > 0) {
            System.err.printf("%d of %d lines were not tagged%n", bad, lineNumber);
            return 1;
        }
        return 0;
    }
}
