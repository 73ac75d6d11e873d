package io.newswire.common.validation;

import io.newswire.common.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The checks every article passes before it counts, shared by the producer (which rejects at its edge) and
 * by Kafka Streams (which dead-letters what got onto {@code news.articles.raw} another way): an id and some
 * text, every field within its {@link FieldCaps cap}, no control characters where they do not belong
 * ({@link TextHygiene}), and dates that can be. Clocks are not trusted: no time an article carries, nor its
 * record timestamp, may lie more than a day after the present.
 */
public final class ArticleValidator {

    /** 1 MiB: far above any news story, far below what would strain a broker or the tagger. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Older than this is not a news article but a data error (a year typed as 0024, an epoch of 0). */
    static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1900-01-01T00:00:00Z");
    /** Publishers' clocks and time zones: a story may carry tomorrow's date, not next week's. */
    public static final Duration CLOCK_SKEW = Duration.ofDays(1);

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
     * What is wrong with {@code article}, if anything, when {@code receivedAt} is also the present time (the
     * producer's edge).
     */
    public Optional<InvalidArticleException> problem(Article article, Instant receivedAt) {
        return problem(article, receivedAt, receivedAt);
    }

    /**
     * What is wrong with {@code article}, if anything.
     *
     * @param receivedAt when the article reached Kafka (the record timestamp): the reference for "published in
     *                   the future" when the article has no {@code ingestedAt}
     * @param now        the present, by this process's clock: no time of the article, nor {@code receivedAt},
     *                   may lie more than {@link #CLOCK_SKEW} after it
     */
    public Optional<InvalidArticleException> problem(Article article, Instant receivedAt, Instant now) {
        if (article.id() == null || article.id().isBlank()) {
            return reject(RejectReason.MISSING_ID, "the article has no id");
        }
        if (isBlank(article.title()) && isBlank(article.body())) {
            return reject(RejectReason.MISSING_TEXT, "the article has neither a title nor a body");
        }
        Optional<InvalidArticleException> size = sizeProblem(article);
        if (size.isPresent()) {
            return size;
        }
        Optional<InvalidArticleException> text = textProblem(article);
        if (text.isPresent()) {
            return text;
        }
        return dateProblem(article, receivedAt, now);
    }

    private Optional<InvalidArticleException> sizeProblem(Article article) {
        Optional<InvalidArticleException> field = overCap("id", article.id(), FieldCaps.ID_CHARS)
                .or(() -> overCap("source", article.source(), FieldCaps.SOURCE_CHARS))
                .or(() -> overCap("url", article.url(), FieldCaps.URL_CHARS))
                .or(() -> overCap("title", article.title(), FieldCaps.TITLE_CHARS))
                .or(() -> overCap("language", article.language(), FieldCaps.LANGUAGE_CHARS));
        if (field.isPresent()) {
            return field;
        }
        if (article.body() != null && article.body().length() > maxBodyBytes / 4) {
            // Counting bytes only when the body could be over the cap: a UTF-8 char is at most 4 bytes.
            int bytes = article.body().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBodyBytes) {
                return reject(RejectReason.TOO_LARGE, "body of " + bytes + " bytes, over the cap of " + maxBodyBytes);
            }
        }
        return Optional.empty();
    }

    private static Optional<InvalidArticleException> overCap(String field, String value, int cap) {
        if (value != null && value.length() > cap) {
            return reject(RejectReason.TOO_LARGE, field + " of " + value.length() + " chars, over the cap of " + cap);
        }
        return Optional.empty();
    }

    private static Optional<InvalidArticleException> textProblem(Article article) {
        String[][] lines = {{"id", article.id()}, {"source", article.source()}, {"url", article.url()},
                {"title", article.title()}, {"language", article.language()}};
        for (String[] line : lines) {
            String problem = TextHygiene.lineProblem(line[1]);
            if (problem != null) {
                return reject(RejectReason.BAD_TEXT, line[0] + " holds " + problem);
            }
        }
        String body = TextHygiene.bodyProblem(article.body());
        return body == null ? Optional.empty() : reject(RejectReason.BAD_TEXT, "body holds " + body);
    }

    /** Throws the problem of {@link #problem(Article, Instant, Instant)}, if any. */
    public void check(Article article, Instant receivedAt, Instant now) {
        Optional<InvalidArticleException> problem = problem(article, receivedAt, now);
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    private static Optional<InvalidArticleException> dateProblem(Article article, Instant receivedAt, Instant now) {
        Instant latestTrusted = now.plus(CLOCK_SKEW);
        if (receivedAt != null && receivedAt.isAfter(latestTrusted)) {
            return reject(RejectReason.BAD_DATE, "record timestamp " + receivedAt + ", more than a day after " + now);
        }
        Instant ingested = article.ingestedAt();
        if (ingested != null && ingested.isAfter(latestTrusted)) {
            return reject(RejectReason.BAD_DATE, "ingested " + ingested + ", more than a day after " + now);
        }
        if (ingested != null && ingested.isBefore(EARLIEST_PLAUSIBLE)) {
            return reject(RejectReason.BAD_DATE, "ingested " + ingested + ", before " + EARLIEST_PLAUSIBLE);
        }
        Instant published = article.publishedAt();
        if (published == null) {
            return Optional.empty();
        }
        if (published.isBefore(EARLIEST_PLAUSIBLE)) {
            return reject(RejectReason.BAD_DATE, "published " + published + ", before " + EARLIEST_PLAUSIBLE);
        }
        if (published.isAfter(latestTrusted)) {
            return reject(RejectReason.BAD_DATE, "published " + published + ", more than a day after " + now);
        }
        Instant reference = ingested != null ? ingested : receivedAt;
        if (reference != null && published.isAfter(reference.plus(CLOCK_SKEW))) {
            return reject(RejectReason.BAD_DATE, "published " + published + ", after it was ingested (" + reference + ")");
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
