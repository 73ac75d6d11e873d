package io.newswire.streams.dating;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayResolverTest {

    private static final Instant INGESTED = Instant.parse("2026-11-23T10:00:00Z");
    private final DayResolver resolver = new DayResolver();

    private static Article article(String body, Instant publishedAt, Instant ingestedAt) {
        return Article.create("test", null, "A title", body, publishedAt, ingestedAt, "en");
    }

    @Test
    void shouldPreferThePublishedDate() {
        ResolvedDay day = resolver.resolve(article("Signed on June 18, 2024.",
                Instant.parse("2024-10-26T00:00:00Z"), INGESTED), INGESTED);

        assertThat(day).isEqualTo(new ResolvedDay(LocalDate.of(2024, 10, 26), DaySource.PUBLISHED));
    }

    @Test
    void shouldTakeTheLatestFullDateWrittenInTheText() {
        ResolvedDay day = resolver.resolve(article("The treaty was signed on June 18, 2024 and ratified on "
                + "12 November 2024; a summit is planned for 2027-01-10.", null, INGESTED), INGESTED);

        // 2027-01-10 is after the ingestion, so it is a plan, not the article's day.
        assertThat(day).isEqualTo(new ResolvedDay(LocalDate.of(2024, 11, 12), DaySource.TEXT));
    }

    @Test
    void shouldFallBackToTheIngestionDayWithoutAFullDate() {
        ResolvedDay day = resolver.resolve(article("As confirmed on November 29, a delegation arrived.", null,
                INGESTED), Instant.EPOCH);

        assertThat(day).isEqualTo(new ResolvedDay(LocalDate.of(2026, 11, 23), DaySource.INGESTED));
    }

    @Test
    void shouldIgnoreImpossibleDatesAndUseTheRecordTimeWhenNotIngested() {
        Instant recordTime = Instant.parse("2025-03-01T23:59:00Z");
        ResolvedDay day = resolver.resolve(article("On February 30, 2024 nothing happened.", null, null), recordTime);

        assertThat(day).isEqualTo(new ResolvedDay(LocalDate.of(2025, 3, 1), DaySource.INGESTED));
    }
}
