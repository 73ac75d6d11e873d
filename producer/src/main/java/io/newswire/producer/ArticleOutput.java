package io.newswire.producer;

import io.newswire.common.Article;
import java.util.concurrent.CompletableFuture;

/**
 * Where a source sends its articles: in production the {@link ArticlePublisher} (Kafka,
 * {@code news.articles.raw}); in a unit test a list. The future completes once the article is durable,
 * which is when a source may mark its input as done.
 */
@FunctionalInterface
public interface ArticleOutput {

    CompletableFuture<?> publish(Article article);
}
