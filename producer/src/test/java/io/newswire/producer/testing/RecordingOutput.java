package io.newswire.producer.testing;

import io.newswire.common.Article;
import io.newswire.producer.ArticleOutput;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for Kafka in unit tests: acknowledges (or, when told, fails) every article and keeps them. */
public final class RecordingOutput implements ArticleOutput {

    private final List<Article> published = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public CompletableFuture<?> publish(Article article) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        }
        published.add(article);
        return CompletableFuture.completedFuture(null);
    }

    public void failing(boolean fail) {
        this.failing = fail;
    }

    public List<Article> published() {
        return List.copyOf(published);
    }
}
