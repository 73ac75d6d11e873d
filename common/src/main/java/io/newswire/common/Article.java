package io.newswire.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One article as it enters the pipeline, the value of {@code news.articles.raw}.
 *
 * <p>JSON field names are the contract of DESIGN.md. Unknown fields are ignored and missing ones
 * default to null, so adding a field never breaks a running reader.
 *
 * @param id stable id: a hash of the canonical URL when there is one, else of the normalised title and body
 * @param source {@code seed}, {@code folder}, {@code rss:<feed url>}, {@code http} or {@code stdin}
 * @param publishedAt when the publisher dated it, or null when unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
        int schemaVersion,
        String id,
        String source,
        String url,
        String title,
        String body,
        Instant publishedAt,
        Instant ingestedAt,
        String language) {

    public static final int SCHEMA_VERSION = 1;

    public Article {
        if (schemaVersion == 0) {
            schemaVersion = SCHEMA_VERSION;
        }
    }

    /** A new article with its id derived from its URL or text (see {@link ArticleIds}). */
    public static Article create(String source, String url, String title, String body,
                                 Instant publishedAt, Instant ingestedAt, String language) {
        return new Article(SCHEMA_VERSION, ArticleIds.idFor(url, title, body), source, url, title, body,
                publishedAt, ingestedAt, language);
    }
}
