package io.newswire.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.app.AppPaths;
import io.newswire.common.Article;
import io.newswire.common.TopicScore;
import io.newswire.common.validation.ArticleValidator;
import io.newswire.dashboard.api.ApiViews.RankedTopic;
import io.newswire.dashboard.api.DashboardQueries.TopicDayRow;
import io.newswire.dashboard.api.TopicRanker;
import io.newswire.streams.dedup.SimHash;
import io.newswire.streams.tagging.LuceneTagger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demo's generated month: spread over the days, valid, and with a spike on today's overview. */
class NewsMonthTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Path SEEDS = Path.of("..", "seeds");
    private static final LuceneTagger TAGGER = LuceneTagger.withDefaults();

    @Test
    void shouldMakeAMonthFromTheSeedsAloneWithASpikeToday() {
        assertMonth(NewsMonth.load(SEEDS, null), false);
    }

    @Test
    void shouldMakeAMonthFromTheCorpusAndTheSeedsWithASpikeToday() {
        Path corpus = AppPaths.besideCorpus(SEEDS);
        assumeTrue(corpus != null, "BBC news corpus not found beside the project: test skipped");
        assertMonth(NewsMonth.load(SEEDS, corpus), true);
    }

    @Test
    void shouldMakeTheSameMonthAgainOnTheSameDay() {
        List<String> first = NewsMonth.load(SEEDS, null).generate(10, NOW).stream().map(Article::id).toList();
        List<String> again = NewsMonth.load(SEEDS, null).generate(10, NOW.plusSeconds(60)).stream()
                .map(Article::id).toList();

        assertThat(again).isEqualTo(first);
    }

    private static void assertMonth(NewsMonth month, boolean fromCorpus) {
        assertThat(month.hasCorpus()).isEqualTo(fromCorpus);
        List<Article> articles = month.generate(30, NOW);
        assertThat(articles).extracting(a -> day(a.publishedAt())).containsAll(
                List.of(TODAY, TODAY.minusDays(29), TODAY.minusDays(15))).allMatch(d -> !d.isBefore(TODAY.minusDays(29)));
        assertThat(articles).allMatch(a -> !a.publishedAt().isAfter(NOW) && !a.ingestedAt().isAfter(NOW));
        assertThat(articles).extracting(Article::publishedAt).isSorted();
        ArticleValidator validator = ArticleValidator.withDefaults();
        assertThat(articles).allMatch(a -> validator.problem(a, NOW, NOW).isEmpty());

        List<RankedTopic> ranking = TopicRanker.rank(countedTopicDays(articles), TODAY);
        // The overview's rule for the spike badge (dashboard app.js): at least 3, and at least twice the
        // trailing seven-day average plus 2.
        assertThat(ranking).as("ranking on %s", TODAY)
                .anyMatch(t -> t.count() >= 3 && t.count() >= 2 * t.trailingAverage() + 2);
        assertThat(ranking).as("topics with a week of history").filteredOn(t -> t.trailingAverage() > 0).hasSizeGreaterThan(2);
    }

    /**
     * The topic-day counts the pipeline would make: each article tagged once, repeats of an id and near
     * duplicates (SimHash within 6 bits of an earlier counted article) not counted.
     */
    private static List<TopicDayRow> countedTopicDays(List<Article> articles) {
        Set<String> seen = new HashSet<>();
        List<Long> originals = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        for (Article article : articles) {
            if (!seen.add(article.id())) {
                continue;
            }
            long fingerprint = SimHash.of(article.title(), article.body());
            if (originals.stream().anyMatch(o -> SimHash.distance(o, fingerprint) <= 6)) {
                continue;
            }
            originals.add(fingerprint);
            for (TopicScore topic : TAGGER.tag(article).topics()) {
                counts.merge(topic.id() + "|" + day(article.publishedAt()), 1L, Long::sum);
            }
        }
        List<TopicDayRow> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new TopicDayRow(key.substring(0, key.indexOf('|')),
                key.substring(key.indexOf('|') + 1), count, 1)));
        return rows;
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
