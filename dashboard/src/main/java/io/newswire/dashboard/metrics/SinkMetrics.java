package io.newswire.dashboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswire.common.TaggedArticle;
import io.newswire.consumer.sink.SinkBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the sink consumer wrote, as Micrometer meters: rows out per table, and the end-to-end latency of
 * each article from its ingestion (the producer's {@code ingestedAt}) to its commit in the sink.
 */
public final class SinkMetrics {

    private final Counter summariesOut;
    private final Counter articlesOut;
    private final Timer endToEnd;
    private final Clock clock;

    public SinkMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.summariesOut = Counter.builder("newswire.records.out").tag("table", "topic_daily")
                .description("rows written to the sink").register(registry);
        this.articlesOut = Counter.builder("newswire.records.out").tag("table", "articles")
                .description("rows written to the sink").register(registry);
        this.endToEnd = Timer.builder("newswire.end.to.end.latency")
                .description("from an article's ingestion to its commit in the sink")
                .publishPercentileHistogram()
                // A replayed archive can be hours old by the time it arrives; beyond that the bucket is +Inf.
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** Called after each sink commit (the consumer's {@code afterWrite}). */
    public void record(SinkBatch batch) {
        summariesOut.increment(batch.summaries().size());
        articlesOut.increment(batch.articles().size());
        Instant now = clock.instant();
        for (TaggedArticle article : batch.articles()) {
            if (article.ingestedAt() != null && !article.ingestedAt().isAfter(now)) {
                endToEnd.record(Duration.between(article.ingestedAt(), now));
            }
        }
    }
}
