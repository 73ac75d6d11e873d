package io.newswire.streams.training.desks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The desk classifier on the BBC News corpus of {@code ../shared/corpora} (never copied into the project),
 * with 2 folds to stay quick; the full 5-fold figure comes from {@code newswire train --folds 5}.
 */
class BbcCorpusDeskTest {

    /** From the module folder (Maven's working directory for tests) or from the repository root. */
    static Path corpus() {
        for (String candidate : List.of("../../shared/corpora/bbc-news.jsonl", "../shared/corpora/bbc-news.jsonl")) {
            Path path = Path.of(candidate);
            if (Files.isReadable(path)) {
                return path;
            }
        }
        return null;
    }

    @Test
    void shouldPutBbcArticlesOnTheirDeskInTwoFoldCrossValidation() throws Exception {
        Path corpus = corpus();
        Assumptions.assumeTrue(corpus != null, "skipped: ../shared/corpora/bbc-news.jsonl is not present");
        List<LabelledArticle> articles = LabelledArticles.read(corpus);
        assertThat(articles).hasSize(2225);

        DeskCrossValidation.Result result;
        try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
            result = DeskCrossValidation.run(trainer, articles, 2, fold -> { });
        }

        // Half the data per model: a little below the 5-fold figure (≥ 0.97), well above chance (0.23).
        assertThat(result.evaluation().total()).isEqualTo(2225);
        assertThat(result.evaluation().accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.foldAccuracies()).hasSize(2).allSatisfy(a -> assertThat(a).isGreaterThan(0.94));
    }
}
