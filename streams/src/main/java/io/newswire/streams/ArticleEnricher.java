package io.newswire.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.ahead.TaggingAhead;
import io.newswire.streams.dating.ResolvedDay;
import io.newswire.streams.tagging.Tagger;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Dates and tags one article. A processor rather than {@code mapValues} because an article without
 * {@code ingestedAt} is dated by its record timestamp, which only the processor API sees.
 */
final class ArticleEnricher implements FixedKeyProcessor<String, Article, TaggedArticle> {

    /** Articles dated and tagged by this process (a retried task counts again: an operational figure, not a ledger). */
    private static final Counter TAGGED = Counter.builder("newswire.articles.tagged")
            .description("articles dated and tagged by Kafka Streams in this process").register(Metrics.globalRegistry);

    private final Tagger tagger;
    /** Tags made ahead on worker threads, or null: then this thread tags each article itself. */
    private final TaggingAhead ahead;
    private final DayResolver dayResolver;
    private FixedKeyProcessorContext<String, TaggedArticle> context;

    ArticleEnricher(Tagger tagger, TaggingAhead ahead, DayResolver dayResolver) {
        this.tagger = tagger;
        this.ahead = ahead;
        this.dayResolver = dayResolver;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, TaggedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        Article article = record.value();
        ResolvedDay day = dayResolver.resolve(article, Instant.ofEpochMilli(record.timestamp()));
        Tags tags = ahead == null ? tagger.tag(article) : ahead.tags(context.recordMetadata(), article);
        context.forward(record.withValue(
                TaggedArticle.of(article, day.day().toString(), day.source().label(), tags)));
        TAGGED.increment();
    }
}
