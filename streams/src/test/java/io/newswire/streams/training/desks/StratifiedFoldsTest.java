package io.newswire.streams.training.desks;

import io.newswire.streams.tagging.desks.DeskModel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    @Test
    void shouldPutEveryArticleInExactlyOneFold() {
        List<LabelledArticle> articles = SmallLabelledSet.articles(13, 1);

        List<List<LabelledArticle>> folds = StratifiedFolds.folds(articles, 5, 42);

        List<String> ids = folds.stream().flatMap(List::stream).map(LabelledArticle::id).toList();
        assertThat(ids).hasSize(articles.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(articles.stream().map(LabelledArticle::id).toList());
        assertThat(folds).allSatisfy(fold -> assertThat(fold.size()).isBetween(10, 11));
    }

    @Test
    void shouldSpreadEachCategoryEvenlyOverTheFolds() {
        List<List<LabelledArticle>> folds = StratifiedFolds.folds(SmallLabelledSet.articles(13, 1), 5, 42);

        for (String desk : SmallLabelledSet.VOCABULARY.keySet()) {
            assertThat(folds).allSatisfy(fold -> assertThat(fold.stream().filter(a -> a.category().equals(desk)).count())
                    .as("%s in a fold", desk).isBetween(2L, 3L));
        }
    }

    @Test
    void shouldMakeTheSameFoldsForTheSameSeedOnly() {
        List<LabelledArticle> articles = SmallLabelledSet.articles(13, 1);

        assertThat(StratifiedFolds.folds(articles, 5, 42)).isEqualTo(StratifiedFolds.folds(articles, 5, 42));
        assertThat(StratifiedFolds.folds(articles, 5, 43)).isNotEqualTo(StratifiedFolds.folds(articles, 5, 42));
    }

    @Test
    void shouldTrainAModelThatNeverSeesTheTestSplit() {
        // Given test articles with a word no training article has
        List<LabelledArticle> articles = new ArrayList<>();
        for (LabelledArticle a : SmallLabelledSet.articles(10, 1)) {
            articles.add(new LabelledArticle(a.id(), a.title(), a.body() + " zzmarker" + a.id().replace("-", "")
                    + " zzmarker" + a.id().replace("-", ""), a.category()));
        }
        StratifiedFolds.Split split = StratifiedFolds.splits(articles, 2, 42).get(0);
        Set<String> trainingIds = new HashSet<>(split.training().stream().map(LabelledArticle::id).toList());
        assertThat(split.test()).noneMatch(a -> trainingIds.contains(a.id()));

        // When a model is trained on the training split (with cutoff 1, so even a word seen once is kept)
        DeskTrainingSettings settings = new DeskTrainingSettings(DeskTrainingSettings.QN, 100, 1, 0.5, 42);
        DeskModel model;
        DeskModel trainedAlone;
        try (DeskTrainer trainer = new DeskTrainer(settings, Clock.systemUTC())) {
            trainer.train(split.test()); // the same trainer has analysed the test split before: no leak through its cache
            model = trainer.train(split.training());
        }
        try (DeskTrainer fresh = new DeskTrainer(settings, Clock.systemUTC())) {
            trainedAlone = fresh.train(split.training());
        }

        // Then it knows every training marker and no test marker
        assertThat(model.info().documents()).isEqualTo(split.training().size());
        assertThat(split.training()).allMatch(a -> model.hasFeature("zzmarker" + a.id().replace("-", "")));
        assertThat(split.test()).noneMatch(a -> model.hasFeature("zzmarker" + a.id().replace("-", "")));
        assertThat(model.info().version()).isEqualTo(trainedAlone.info().version());
    }
}
