package io.newswire.streams.tagging.eval;

import io.newswire.common.EntityMention;
import io.newswire.common.Json;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.tagging.Tagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Runs a tagger over a gold file and scores topics, entities and quantities against the labels. */
public final class Evaluation {

    /** The three scores, and the articles the tagger got wrong (for the report). */
    public record Result(int articles, Score topics, Score entities, Score quantities) {
    }

    private Evaluation() {
    }

    /** Reads a gold file: one {@link GoldArticle} per line; blank lines are skipped. */
    public static List<GoldArticle> readGold(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("gold file not found: " + file);
        }
        List<GoldArticle> gold = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    gold.add(Json.mapper().readValue(line, GoldArticle.class));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + " line " + number + " is not a gold article: "
                            + e.getMessage(), e);
                }
            }
        }
        return gold;
    }

    /**
     * Scores {@code tagger} on {@code gold}; {@code mistakes} hears one line per article that differs.
     */
    public static Result run(Tagger tagger, List<GoldArticle> gold, Consumer<String> mistakes) {
        Score topics = Score.ZERO;
        Score entities = Score.ZERO;
        Score quantities = Score.ZERO;
        for (GoldArticle article : gold) {
            Tags tags = tagger.tag(article.article());
            Set<String> predictedTopics = tags.topics().stream().map(TopicScore::id).collect(Collectors.toSet());
            Set<String> predictedEntities = tags.entities().stream().map(EntityMention::id).collect(Collectors.toSet());
            Set<String> predictedQuantities = tags.quantities().stream()
                    .map(q -> key(q.value(), q.unit())).collect(Collectors.toSet());
            Set<String> goldQuantities = article.quantities().stream()
                    .map(q -> key(q.value(), q.unit())).collect(Collectors.toSet());
            topics = topics.plus(report(article.id(), "topics", predictedTopics, Set.copyOf(article.topics()), mistakes));
            entities = entities.plus(report(article.id(), "entities", predictedEntities,
                    Set.copyOf(article.entities()), mistakes));
            quantities = quantities.plus(report(article.id(), "quantities", predictedQuantities, goldQuantities,
                    mistakes));
        }
        return new Result(gold.size(), topics, entities, quantities);
    }

    private static Score report(String id, String what, Set<String> predicted, Set<String> gold,
                                Consumer<String> mistakes) {
        Score score = Score.of(predicted, gold);
        if (score.falsePositives() + score.falseNegatives() > 0) {
            mistakes.accept(String.format(Locale.ROOT, "%s %s: extra %s, missing %s", id, what,
                    predicted.stream().filter(p -> !gold.contains(p)).sorted().toList(),
                    gold.stream().filter(g -> !predicted.contains(g)).sorted().toList()));
        }
        return score;
    }

    /** Quantities are equal when their values agree to 0.01 % and their units are the same word. */
    static String key(double value, String unit) {
        return String.format(Locale.ROOT, "%.6g|%s", value, unit == null ? "" : unit.toLowerCase(Locale.ROOT));
    }
}
