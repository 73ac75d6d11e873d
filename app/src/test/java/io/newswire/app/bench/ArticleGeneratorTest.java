package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {

    private static final BenchCorpus CORPUS = new BenchCorpus(
            List.of("The minister said the talks would resume on Monday in Geneva.",
                    "Shares in the company rose 4% after the results were published.",
                    "Troops were seen moving towards the border early on Tuesday morning.",
                    "The central bank left interest rates unchanged for a third month."),
            List.of("Talks to resume", "Shares rise", "Troops at the border"));

    @Test
    void shouldGenerateTheSameArticlesForTheSameSeed() {
        ArticleGenerator first = new ArticleGenerator(CORPUS, 7);
        ArticleGenerator second = new ArticleGenerator(CORPUS, 7);
        for (int i = 0; i < 3_000; i++) {
            assertThat(first.next()).isEqualTo(second.next());
        }
    }

    @Test
    void shouldMakeBodiesOfOneToSixKilobytesWithAFewPercentOfDuplicates() {
        ArticleGenerator generator = new ArticleGenerator(CORPUS, 42);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            articles.add(generator.next());
        }

        assertThat(articles).allSatisfy(a -> assertThat(a.body().getBytes(StandardCharsets.UTF_8).length)
                .isBetween(ArticleGenerator.MIN_BODY_BYTES, ArticleGenerator.MAX_BODY_BYTES));
        Set<String> ids = new HashSet<>();
        long repeated = articles.stream().filter(a -> !ids.add(a.id())).count();
        assertThat(repeated).isEqualTo(generator.exactResends());
        assertThat(generator.exactResends()).isBetween(700L, 1_200L);
        assertThat(generator.nearDuplicates()).isBetween(400L, 800L);
    }

    @Test
    void shouldTakeTheNearestRankPercentile() {
        long[] sortedNanos = new long[100];
        for (int i = 0; i < 100; i++) {
            sortedNanos[i] = (i + 1) * 1_000_000L;
        }
        assertThat(LatencyRun.percentileMs(sortedNanos, 0.50)).isEqualTo(50.0);
        assertThat(LatencyRun.percentileMs(sortedNanos, 0.99)).isEqualTo(99.0);
        assertThat(LatencyRun.percentileMs(new long[0], 0.99)).isZero();
    }
}
