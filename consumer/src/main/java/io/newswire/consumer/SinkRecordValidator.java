package io.newswire.consumer;

import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicSettings;
import io.newswire.common.validation.ArticleValidator;
import io.newswire.common.validation.FieldCaps;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import io.newswire.common.validation.TextHygiene;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the sink refuses to store: records of {@code news.articles.tagged} and {@code news.topic-daily} that
 * the dashboard could not show, because Kafka Streams is not the only client that can write those topics.
 * A tagged article needs an id, a {@code day} that is a date no later than tomorrow, and the article checks
 * of {@link ArticleValidator}; a summary needs a clean topic, such a day, and counts that are not negative.
 */
final class SinkRecordValidator {

    private static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);
    /** The sink stores what Streams wrote; its own body cap is only the record's limit. */
    private static final ArticleValidator ARTICLES = new ArticleValidator(TopicSettings.MAX_RECORD_BYTES);

    private final Clock clock;

    SinkRecordValidator(Clock clock) {
        this.clock = clock;
    }

    Optional<InvalidArticleException> problem(TaggedArticle article) {
        if (article.id() == null || article.id().isBlank()) {
            return reject(RejectReason.MISSING_ID, "the tagged article has no id");
        }
        Optional<InvalidArticleException> day = dayProblem(article.day());
        if (day.isPresent()) {
            return day;
        }
        Instant now = clock.instant();
        return ARTICLES.problem(article.article(), article.ingestedAt() != null ? article.ingestedAt() : now, now);
    }

    Optional<InvalidArticleException> problem(TopicDaySummary summary) {
        String topic = summary.topic();
        if (topic == null || topic.isBlank()) {
            return reject(RejectReason.MISSING_FIELD, "the summary has no topic");
        }
        if (topic.length() > FieldCaps.ID_CHARS) {
            return reject(RejectReason.TOO_LARGE, "topic of " + topic.length() + " chars, over the cap of "
                    + FieldCaps.ID_CHARS);
        }
        String text = TextHygiene.lineProblem(topic);
        if (text != null) {
            return reject(RejectReason.BAD_TEXT, "topic holds " + text);
        }
        if (summary.articleCount() < 0 || summary.sourceCount() < 0) {
            return reject(RejectReason.MALFORMED_JSON, "negative counts: " + summary.articleCount() + " articles, "
                    + summary.sourceCount() + " sources");
        }
        return dayProblem(summary.day());
    }

    private Optional<InvalidArticleException> dayProblem(String day) {
        if (day == null || day.isBlank()) {
            return reject(RejectReason.MISSING_FIELD, "no day");
        }
        LocalDate parsed;
        try {
            parsed = day.length() == 10 ? LocalDate.parse(day) : null;
        } catch (DateTimeParseException e) {
            parsed = null;
        }
        if (parsed == null) {
            return reject(RejectReason.BAD_DATE, "day " + shown(day) + " is not a date like 2024-11-05");
        }
        LocalDate latest = clock.instant().plus(ArticleValidator.CLOCK_SKEW).atZone(ZoneOffset.UTC).toLocalDate();
        if (parsed.isBefore(EARLIEST_DAY) || parsed.isAfter(latest)) {
            return reject(RejectReason.BAD_DATE, "day " + day + " is not between " + EARLIEST_DAY + " and " + latest);
        }
        return Optional.empty();
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static Optional<InvalidArticleException> reject(RejectReason reason, String detail) {
        return Optional.of(new InvalidArticleException(reason, detail));
    }
}
