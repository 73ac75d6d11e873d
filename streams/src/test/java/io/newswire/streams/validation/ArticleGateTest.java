package io.newswire.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.validation.ArticleValidator;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.testing.FixedKeyContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate alone, on Kafka's MockProcessorContext: what passes, what is rejected, what moves the watermark. */
class ArticleGateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final FixedKeyContext<String, Article> context = new FixedKeyContext<>();
    private KeyValueStore<String, Long> watermark;
    private ArticleGate gate;

    @BeforeEach
    void initGate() {
        watermark = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ArticleGate.WATERMARK_STORE),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        context.addStore(watermark);
        context.setCurrentSystemTime(NOW);
        gate = new ArticleGate(ArticleValidator.withDefaults(), new DayResolver(), Duration.ofDays(30));
        gate.init(context);
    }

    private static Article published(String url, Instant publishedAt) {
        return Article.create("http", url, "Title of " + url, "Body of " + url, publishedAt, NOW, "en");
    }

    private void process(String key, Article article) {
        gate.process(FixedKeyContext.record(key, article, NOW.toEpochMilli()));
    }

    @Test
    void shouldPassAValidArticleAndRememberItsPublicationDay() {
        Article article = published("https://example.org/a", Instant.parse("2026-11-20T08:00:00Z"));

        process(article.id(), article);

        assertThat(context.forwardedValues()).containsExactly(article);
        assertThat(watermark.all()).toIterable().extracting(kv -> LocalDate.ofEpochDay(kv.value))
                .containsExactly(LocalDate.parse("2026-11-20"));
    }

    @Test
    void shouldRejectAnArticleDatedMoreThanTheGraceBeforeTheLatestPublicationDay() {
        process("new", published("https://example.org/new", Instant.parse("2026-11-20T08:00:00Z")));
        context.resetForwards();
        Article late = published("https://example.org/late", Instant.parse("2026-10-19T08:00:00Z"));

        assertThatThrownBy(() -> process(late.id(), late)).isInstanceOfSatisfying(InvalidArticleException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.TOO_LATE));
        assertThat(context.forwardedValues()).isEmpty();
    }

    @Test
    void shouldLetThroughAnArticleWithinTheGraceWithoutMovingTheWatermarkBack() {
        process("new", published("https://example.org/new", Instant.parse("2026-11-20T08:00:00Z")));
        Article older = published("https://example.org/older", Instant.parse("2026-10-22T08:00:00Z"));

        process(older.id(), older);

        assertThat(context.forwardedValues()).endsWith(older);
        assertThat(LocalDate.ofEpochDay(watermark.get("latest-day"))).isEqualTo(LocalDate.parse("2026-11-20"));
    }

    @Test
    void shouldNotLetAnArticleWithoutPublicationDateMoveTheWatermark() {
        Article undated = published("https://example.org/undated", null);

        process(undated.id(), undated);

        assertThat(context.forwardedValues()).containsExactly(undated);
        assertThat(watermark.approximateNumEntries()).isZero();
    }

    @Test
    void shouldTakeTheRecordKeyAsIdOfAnArticleWithoutOne() {
        Article article = published("https://example.org/no-id", Instant.parse("2026-11-20T08:00:00Z"));
        Article withoutId = new Article(article.schemaVersion(), null, article.source(), article.url(),
                article.title(), article.body(), article.publishedAt(), article.ingestedAt(), article.language());

        process("key-as-id", withoutId);

        assertThat(context.forwardedValues()).extracting(Article::id).containsExactly("key-as-id");
    }

    @Test
    void shouldRejectAnArticleWithoutTextOrId() {
        Article empty = Article.create("http", "https://example.org/empty", " ", "", null, NOW, "en");

        assertThatThrownBy(() -> process(empty.id(), empty)).isInstanceOfSatisfying(InvalidArticleException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_TEXT));
        assertThat(context.forwardedValues()).isEmpty();
    }
}
