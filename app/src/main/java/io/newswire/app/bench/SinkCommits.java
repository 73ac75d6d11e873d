package io.newswire.app.bench;

import io.newswire.common.TaggedArticle;
import io.newswire.consumer.sink.SinkBatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The pipeline's after-commit callback during the bench: counts the articles committed in the sink, keeps
 * the time of the last commit (the end of the throughput phase) and hands each committed article to the
 * latency phase while it runs. Called on the consumer's thread.
 */
final class SinkCommits implements Consumer<SinkBatch> {

    /** Told the commit time and each article of a committed batch. */
    interface Listener {
        void committed(TaggedArticle article, long commitNanos);
    }

    private final AtomicLong articles = new AtomicLong();
    private volatile long lastCommitNanos;
    private volatile Listener listener;

    @Override
    public void accept(SinkBatch batch) {
        long now = System.nanoTime();
        lastCommitNanos = now;
        articles.addAndGet(batch.articles().size());
        Listener current = listener;
        if (current != null) {
            for (TaggedArticle article : batch.articles()) {
                current.committed(article, now);
            }
        }
    }

    long articles() {
        return articles.get();
    }

    long lastCommitNanos() {
        return lastCommitNanos;
    }

    void listen(Listener newListener) {
        this.listener = newListener;
    }
}
