package io.newswire.producer;

import io.newswire.common.Article;
import io.newswire.common.validation.InvalidArticleException;
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

    /**
     * What happened to a replay: how many were acknowledged, how many Kafka did not take (and the first
     * error), how many the validator rejected at the edge (and the first reason).
     */
    public record Result(long acknowledged, long failed, String firstError, long rejected, String firstRejection) {
        /** True when Kafka took every article that was valid: rejections are the input's fault, not Kafka's. */
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
        long rejected = 0;
        String firstRejection = null;
        for (CompletableFuture<?> send : sends) {
            try {
                send.get();
                acknowledged++;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InvalidArticleException invalid) {
                    rejected++;
                    firstRejection = firstRejection != null ? firstRejection : invalid.getMessage();
                } else {
                    failed++;
                    if (firstError == null) {
                        firstError = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                    }
                }
            }
        }
        if (rejected > 0) {
            out.printf("rejected %d of %d articles as invalid (first: %s)%n", rejected, articles.size(), firstRejection);
        }
        return new Result(acknowledged, failed, firstError, rejected, firstRejection);
    }
}
