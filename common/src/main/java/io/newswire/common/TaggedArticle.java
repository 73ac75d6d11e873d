package io.newswire.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An article after cleaning, dating and tagging, the value of {@code news.articles.tagged}: the
 * {@link Article} fields plus where it belongs (day) and what it is about (topics, entities, ...).
 *
 * @param daySource where the day came from: {@code published}, {@code text} or {@code ingested}
 * @param duplicateOf the id of the first article of the same story, or null when this is the first
 * @param modelVersion the version of the desk model that made the desk topics, or null when none ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaggedArticle(
        int schemaVersion,
        String id,
        String source,
        String url,
        String title,
        String body,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        String day,
        String daySource,
        List<TopicScore> topics,
        List<EntityMention> entities,
        List<String> keyphrases,
        List<Quantity> quantities,
        String duplicateOf,
        String modelVersion) {

    public static final int SCHEMA_VERSION = 1;

    public TaggedArticle {
        if (schemaVersion == 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
        keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
    }

    /** The article with the tags that were found for it. */
    public static TaggedArticle of(Article article, String day, String daySource, Tags tags) {
        return new TaggedArticle(SCHEMA_VERSION, article.id(), article.source(), article.url(), article.title(),
                article.body(), article.publishedAt(), article.ingestedAt(), article.language(), day, daySource,
                tags.topics(), tags.entities(), tags.keyphrases(), tags.quantities(), null, tags.modelVersion());
    }

    /** The same record linked to an earlier article of the same story. */
    public TaggedArticle withDuplicateOf(String firstId) {
        return new TaggedArticle(schemaVersion, id, source, url, title, body, publishedAt, ingestedAt, language, day,
                daySource, topics, entities, keyphrases, quantities, firstId, modelVersion);
    }

    /** The article part of this record. */
    public Article article() {
        return new Article(Article.SCHEMA_VERSION, id, source, url, title, body, publishedAt, ingestedAt, language);
    }
}
