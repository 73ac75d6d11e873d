package io.newswire.producer;

import io.newswire.common.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch and waits for Kafka's answer for each article, so a source marks an input as done
 * (a feed item seen, a file moved, a 202 answered) only after the article is acknowledged.
 */
public final class Acknowledgements {

    /** Longer than the producer's delivery timeout (30 s), so the producer's own verdict arrives first. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(40);

    private Acknowledgements() {
    }

    /** What happened to each article of a batch, in order: null when acknowledged, else why not. */
    public record Outcome(List<Article> articles, List<String> errors) {

        public boolean allAcknowledged() {
            return errors.stream().allMatch(e -> e == null);
        }

        public boolean acknowledged(int index) {
            return errors.get(index) == null;
        }

        public long acknowledgedCount() {
            return errors.stream().filter(e -> e == null).count();
        }

        public String firstError() {
            return errors.stream().filter(e -> e != null).findFirst().orElse(null);
        }
    }

    /** Sends every article, then waits for each answer (at most {@code timeout} in all). */
    public static Outcome publishAll(ArticleOutput output, List<Article> articles, Duration timeout)
            throws InterruptedException {
        List<CompletableFuture<?>> sends = new ArrayList<>(articles.size());
        for (Article article : articles) {
            try {
                sends.add(output.publish(article));
            } catch (RuntimeException e) {
                // KafkaProducer.send throws (rather than failing the future) when its buffer stays full.
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> errors = new ArrayList<>(articles.size());
        for (CompletableFuture<?> send : sends) {
            errors.add(awaitOne(send, deadline));
        }
        return new Outcome(List.copyOf(articles), errors);
    }

    private static String awaitOne(CompletableFuture<?> send, long deadline) throws InterruptedException {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            return "no answer from Kafka in time";
        }
    }
}
