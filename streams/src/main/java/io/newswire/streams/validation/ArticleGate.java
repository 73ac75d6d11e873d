package io.newswire.streams.validation;

import io.newswire.common.Article;
import io.newswire.common.validation.ArticleValidator;
import io.newswire.common.validation.FieldCaps;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.dating.DaySource;
import io.newswire.streams.dating.ResolvedDay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets through only the articles that may count: valid ones ({@link ArticleValidator}) dated within the grace
 * period. Anything else is thrown as an {@link InvalidArticleException}, which Kafka Streams' processing
 * exception handler turns into a dead letter with the original bytes.
 *
 * <p>"Late" is measured in publication days, not wall-clock time: against the latest {@code publishedAt} day
 * this input partition has seen (its <em>publication stream time</em>, kept in {@link #WATERMARK_STORE}, so it
 * survives restarts and moves exactly once under exactly-once). A replay of a 2024 corpus in 2026 is therefore
 * not late; an article dated 40 days before the newest publication of its partition is, with the default grace
 * of 30 days. Only {@code publishedAt} moves the watermark: a day taken from the ingestion time is "today" and
 * would make every replayed archive late. The day checked is the one {@link DayResolver} gives, so an article
 * dated by its text is checked too; one dated by its ingestion is never late.
 *
 * <p>Only trusted time moves the watermark: the validator has already refused any {@code publishedAt},
 * {@code ingestedAt} or record timestamp more than a day after this process's clock ({@code bad-date}), so
 * one article dated in year 99999 cannot make every later article of its partition {@code too-late}. The
 * same check keeps the de-duplication windows (which run on record time) from jumping ahead.
 */
public final class ArticleGate implements FixedKeyProcessor<String, Article, Article> {

    public static final String WATERMARK_STORE = "article-day-watermark";
    private static final String WATERMARK_KEY = "latest-day";

    private final ArticleValidator validator;
    private final DayResolver dayResolver;
    private final Duration grace;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> watermark;

    public ArticleGate(ArticleValidator validator, DayResolver dayResolver, Duration grace) {
        this.validator = validator;
        this.dayResolver = dayResolver;
        this.grace = grace;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.watermark = context.getStateStore(WATERMARK_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        if (record.key() != null && record.key().length() > FieldCaps.ID_CHARS) {
            throw new InvalidArticleException(RejectReason.TOO_LARGE, "record key of " + record.key().length()
                    + " chars, over the cap of " + FieldCaps.ID_CHARS);
        }
        Article article = withIdFromKey(record);
        Instant receivedAt = Instant.ofEpochMilli(record.timestamp());
        validator.check(article, receivedAt, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        ResolvedDay resolved = dayResolver.resolve(article, receivedAt);
        LocalDate day = resolved.day();
        Long latest = watermark.get(WATERMARK_KEY);
        if (latest != null) {
            LocalDate latestDay = LocalDate.ofEpochDay(latest);
            if (day.plusDays(grace.toDays()).isBefore(latestDay)) {
                throw new InvalidArticleException(RejectReason.TOO_LATE, "dated " + day + ", more than "
                        + grace.toDays() + " days before " + latestDay + ", the latest publication day of its partition");
            }
        }
        // Headers of the input are not newswire's: dropped here, so no writer can make the outputs too large.
        context.forward(record.withValue(article).withHeaders(new RecordHeaders()));
        // After forwarding: a store write sends its changelog record, after which Kafka Streams no longer has the
        // source record's bytes for a dead letter of a failure downstream (tagging) in this task.
        if (resolved.source() == DaySource.PUBLISHED && (latest == null || day.toEpochDay() > latest)) {
            watermark.put(WATERMARK_KEY, day.toEpochDay());
        }
    }

    /** An article written without an id (by hand, by another tool) takes its record key as id. */
    private static Article withIdFromKey(FixedKeyRecord<String, Article> record) {
        Article article = record.value();
        if ((article.id() == null || article.id().isBlank()) && record.key() != null && !record.key().isBlank()) {
            return new Article(article.schemaVersion(), record.key(), article.source(), article.url(),
                    article.title(), article.body(), article.publishedAt(), article.ingestedAt(), article.language());
        }
        return article;
    }
}
