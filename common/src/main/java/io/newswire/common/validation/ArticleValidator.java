package io.newswire.common.validation;

import io.newswire.common.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The checks every article passes before it counts, shared by the producer (which rejects at its edge) and
 * by Kafka Streams (which dead-letters what got onto {@code news.articles.raw} another way).
 */
public final class ArticleValidator {

    /** 1 MiB: far above any news story, far below what would strain a broker or the tagger. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Older than this is not a news article but a data error (a year typed as 0024, an epoch of 0). */
    static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1900-01-01T00:00:00Z");
    /** Publishers' clocks and time zones: a story may carry tomorrow's date, not next week's. */
    static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private final int maxBodyBytes;

    public ArticleValidator(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the body cap must be positive, not " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public static ArticleValidator withDefaults() {
        return new ArticleValidator(DEFAULT_MAX_BODY_BYTES);
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * What is wrong with {@code article}, if anything.
     *
     * @param receivedAt when the article reached Kafka: the reference for "published in the future" when the
     *                   article has no {@code ingestedAt}
     */
    public Optional<InvalidArticleException> problem(Article article, Instant receivedAt) {
        if (article.id() == null || article.id().isBlank()) {
            return reject(RejectReason.MISSING_ID, "the article has no id");
        }
        if (isBlank(article.title()) && isBlank(article.body())) {
            return reject(RejectReason.MISSING_TEXT, "the article has neither a title nor a body");
        }
        if (article.body() != null && article.body().length() > maxBodyBytes / 4) {
            // Counting bytes only when the body could be over the cap: a UTF-8 char is at most 4 bytes.
            int bytes = article.body().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBodyBytes) {
                return reject(RejectReason.TOO_LARGE, "body of " + bytes + " bytes, over the cap of " + maxBodyBytes);
            }
        }
        return dateProblem(article, receivedAt);
    }

    /** Throws the problem of {@link #problem}, if any. */
    public void check(Article article, Instant receivedAt) {
        Optional<InvalidArticleException> problem = problem(article, receivedAt);
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    private static Optional<InvalidArticleException> dateProblem(Article article, Instant receivedAt) {
        Instant published = article.publishedAt();
        if (published == null) {
            return Optional.empty();
        }
        if (published.isBefore(EARLIEST_PLAUSIBLE)) {
            return reject(RejectReason.BAD_DATE, "published " + published + ", before " + EARLIEST_PLAUSIBLE);
        }
        Instant reference = article.ingestedAt() != null ? article.ingestedAt() : receivedAt;
        if (reference != null && published.isAfter(reference.plus(CLOCK_SKEW))) {
            return reject(RejectReason.BAD_DATE, "published " + published + ", after it was ingested (" + reference + ")");
        }
        if (article.ingestedAt() != null && article.ingestedAt().isBefore(EARLIEST_PLAUSIBLE)) {
            return reject(RejectReason.BAD_DATE, "ingested " + article.ingestedAt() + ", before " + EARLIEST_PLAUSIBLE);
        }
        return Optional.empty();
    }

    private static Optional<InvalidArticleException> reject(RejectReason reason, String detail) {
        return Optional.of(new InvalidArticleException(reason, detail));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
