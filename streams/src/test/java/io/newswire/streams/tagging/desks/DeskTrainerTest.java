package io.newswire.streams.tagging.desks;

import io.newswire.streams.training.desks.DeskEvaluation;
import io.newswire.streams.training.desks.DeskTrainer;
import io.newswire.streams.training.desks.DeskTrainingSettings;
import io.newswire.streams.training.desks.LabelledArticle;
import io.newswire.streams.training.desks.SmallLabelledSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static DeskModel train(List<LabelledArticle> articles, long seed) {
        try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(seed), CLOCK)) {
            return trainer.train(articles);
        }
    }

    @Test
    void shouldPutUnseenArticlesOnTheirDesk() {
        DeskModel model = train(SmallLabelledSet.articles(20, 1), 42);

        assertThat(model.categories()).containsExactlyInAnyOrder("business", "politics", "sport", "tech");
        assertThat(model.classify("Striker scores late goal", "The team won the cup match after the coach "
                + "changed the league season plan.").category()).isEqualTo("sport");
        assertThat(model.classify("Bank profit beats forecasts", "Shares rose as investors welcomed "
                + "quarterly earnings and sales growth.").category()).isEqualTo("business");
        DeskEvaluation heldOut = DeskEvaluation.of(model, SmallLabelledSet.articles(10, 2));
        assertThat(heldOut.accuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldGiveProbabilitiesThatSumToOne() {
        DeskModel model = train(SmallLabelledSet.articles(10, 1), 42);

        double[] scores = model.scores("Election campaign", "The minister told voters the party policy.");

        assertThat(scores).hasSize(4);
        assertThat(java.util.Arrays.stream(scores).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldScoreExactlyAsOpenNlpDoes() {
        DeskModel model = train(SmallLabelledSet.articles(10, 1), 42);
        try (DeskAnalyzer analyzer = new DeskAnalyzer()) {
            for (LabelledArticle article : SmallLabelledSet.articles(5, 3)) {
                String[] features = DeskFeatures.of(analyzer, article.title(), article.body());

                assertThat(model.scores(article.title(), article.body()))
                        .containsExactly(model.referenceScores(features), within(1e-9));
            }
        }
    }

    @Test
    void shouldTrainTheSameModelForTheSameDataAndSeed() {
        List<LabelledArticle> articles = SmallLabelledSet.articles(10, 1);

        DeskModel first = train(articles, 7);
        DeskModel second = train(articles, 7);

        assertThat(second.info().version()).isEqualTo(first.info().version()).startsWith("desks-");
        LabelledArticle probe = SmallLabelledSet.articles(1, 9).get(0);
        assertThat(second.scores(probe.title(), probe.body()))
                .containsExactly(first.scores(probe.title(), probe.body()), within(0.0));
    }

    @Test
    void shouldGiveANewVersionForOtherDataOrAnotherSeed() {
        List<LabelledArticle> articles = SmallLabelledSet.articles(10, 1);
        String version = train(articles, 7).info().version();

        List<LabelledArticle> fewer = new ArrayList<>(articles.subList(1, articles.size()));

        assertThat(train(fewer, 7).info().version()).isNotEqualTo(version);
        assertThat(train(articles, 8).info().version()).isNotEqualTo(version);
    }

    @Test
    void shouldRefuseASingleCategory() {
        List<LabelledArticle> oneDesk = SmallLabelledSet.articles(5, 1).stream()
                .filter(a -> a.category().equals("sport")).toList();

        assertThatThrownBy(() -> train(oneDesk, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two categories");
    }
}
