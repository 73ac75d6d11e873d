package io.newswire.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.validation.TextHygiene;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles that arrive as JSON from outside (the HTTP source, a {@code .json} file in the folder, a line on
 * stdin), checked and made canonical: the source label is the receiving source's, the id is recomputed
 * from the URL or text (so a sender cannot pick ids), and the ingestion time is now.
 */
public final class IncomingArticles {

    private final String source;
    private final Clock clock;

    public IncomingArticles(String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** One article object, or a JSON array of them. */
    public List<Article> parseOneOrMany(String json) throws InvalidArticleException {
        JsonNode root = readTree(json);
        if (!root.isArray()) {
            return List.of(fromNode(root, ""));
        }
        if (root.isEmpty()) {
            throw new InvalidArticleException("empty array: no article to publish");
        }
        List<Article> articles = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            articles.add(fromNode(root.get(i), "article " + i + ": "));
        }
        return articles;
    }

    /** Exactly one article object (a JSON line). */
    public Article parseOne(String json) throws InvalidArticleException {
        return fromNode(readTree(json), "");
    }

    /** The same article with this source's label, a canonical id and an ingestion time. */
    public Article canonical(Article given) throws InvalidArticleException {
        // A title is one line: a newline or a control character a scraper or sender left in is taken out
        // here, where the article is still ours to clean; Kafka Streams refuses one that arrives another way.
        String title = trimToNull(TextHygiene.cleanLine(given.title()));
        String body = trimToNull(given.body());
        if (title == null && body == null) {
            throw new InvalidArticleException("missing title and body");
        }
        return Article.create(source, trimToNull(given.url()), title == null ? "" : title,
                body == null ? "" : body, given.publishedAt(), clock.instant(),
                given.language() == null ? "en" : given.language());
    }

    private Article fromNode(JsonNode node, String where) throws InvalidArticleException {
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException(where + "expected a JSON object with title and body");
        }
        Article article;
        try {
            article = Json.mapper().treeToValue(node, Article.class);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException(where + "not an article: " + e.getOriginalMessage());
        }
        try {
            return canonical(article);
        } catch (InvalidArticleException e) {
            throw new InvalidArticleException(where + e.getMessage());
        }
    }

    private static JsonNode readTree(String json) throws InvalidArticleException {
        if (json == null || json.isBlank()) {
            throw new InvalidArticleException("empty input: expected a JSON article");
        }
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
