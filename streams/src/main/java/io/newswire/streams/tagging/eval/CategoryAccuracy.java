package io.newswire.streams.tagging.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.streams.tagging.LuceneTagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Category accuracy of the taxonomy's desk topics on a labelled corpus (JSON lines with {@code category},
 * {@code title}, {@code body}, like {@code ../shared/corpora/bbc-news.jsonl}): an article's predicted
 * category is its highest-scoring desk; no desk scoring at all counts as wrong.
 */
public final class CategoryAccuracy {

    /** Corpus category → taxonomy topic (the BBC's five categories). */
    public static final Map<String, String> BBC_DESKS = Map.of("business", "business", "entertainment",
            "entertainment", "politics", "politics", "sport", "sport", "tech", "technology");

    /** Overall and per-category accuracy. */
    public record Result(int articles, int correct, Map<String, int[]> byCategory) {
        public double accuracy() {
            return articles == 0 ? 0 : (double) correct / articles;
        }
    }

    private CategoryAccuracy() {
    }

    public static Result run(LuceneTagger tagger, Path corpus, Map<String, String> desks) throws IOException {
        if (!Files.isRegularFile(corpus)) {
            throw new IllegalArgumentException("corpus not found: " + corpus);
        }
        List<String> topicIds = tagger.topicIds();
        int articles = 0;
        int correct = 0;
        Map<String, int[]> byCategory = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                String expected = desks.get(node.path("category").asText());
                if (expected == null) {
                    continue;
                }
                Article article = new Article(Article.SCHEMA_VERSION, node.path("id").asText(), "corpus", null,
                        node.path("title").asText(), node.path("body").asText(), null, null, "en");
                String predicted = bestDesk(tagger.topicScores(article), topicIds, desks);
                boolean right = expected.equals(predicted);
                articles++;
                correct += right ? 1 : 0;
                int[] counts = byCategory.computeIfAbsent(node.path("category").asText(), c -> new int[2]);
                counts[0]++;
                counts[1] += right ? 1 : 0;
            }
        }
        return new Result(articles, correct, byCategory);
    }

    private static String bestDesk(double[] scores, List<String> topicIds, Map<String, String> desks) {
        String best = null;
        double bestScore = 0;
        for (int t = 0; t < scores.length; t++) {
            if (desks.containsValue(topicIds.get(t)) && scores[t] > bestScore) {
                best = topicIds.get(t);
                bestScore = scores[t];
            }
        }
        return best;
    }
}
