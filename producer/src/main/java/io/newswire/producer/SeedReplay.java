package io.newswire.producer;

import io.newswire.common.Article;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes a list of articles and waits until Kafka acknowledged every one, printing progress. */
public final class SeedReplay {

    private final ArticlePublisher publisher;
    private final PrintStream out;

    public SeedReplay(ArticlePublisher publisher, PrintStream out) {
        this.publisher = publisher;
        this.out = out;
    }

    /** What happened to a replay: how many were acknowledged and the first failure, if any. */
    public record Result(long acknowledged, long failed, String firstError) {
        public boolean ok() {
            return failed == 0;
        }
    }

    public Result replay(List<Article> articles) throws InterruptedException {
        Progress progress = new Progress(out, "replayed", articles.size());
        AtomicLong done = new AtomicLong();
        List<CompletableFuture<?>> sends = new ArrayList<>(articles.size());
        for (Article article : articles) {
            sends.add(publisher.publish(article).whenComplete((m, e) -> progress.update(done.incrementAndGet())));
        }
        publisher.flush();
        long acknowledged = 0;
        long failed = 0;
        String firstError = null;
        for (CompletableFuture<?> send : sends) {
            try {
                send.get();
                acknowledged++;
            } catch (ExecutionException e) {
                failed++;
                if (firstError == null) {
                    firstError = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                }
            }
        }
        return new Result(acknowledged, failed, firstError);
    }
}
