package io.newswire.producer.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Holds the extractor's quality on the 990-page main-text set (trafilatura's evaluation set) as a floor, so a
 * change that loses text or lets boilerplate in fails the build. Skipped when the set is not beside the project.
 */
class ExtractionCorpusTest {

    /** The figures reached, rounded down: a change may move them a little, never back. */
    private static final double F1_FLOOR = 0.931;
    private static final double PRECISION_FLOOR = 0.928;

    @Test
    void shouldKeepItsScoreOnTheEvaluationSet() throws Exception {
        Path set = corpus();
        assumeTrue(set != null, "main-text evaluation set not found (../shared/corpora/extraction): skipped");

        ExtractionEvaluation.Score score = new ExtractionEvaluation(new ArticleTextExtractor()).run(set, page -> { });

        System.out.println(ExtractionEvaluation.format(score));
        assertThat(score.pages()).isGreaterThan(900);
        assertThat(score.failedPages()).isZero();
        assertThat(score.f1()).isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat(score.precision()).isGreaterThanOrEqualTo(PRECISION_FLOOR);
    }

    /** The set beside the project: from the module folder (Maven) or the project root (an IDE). */
    private static Path corpus() {
        for (String candidate : new String[] {"../../shared/corpora/extraction", "../shared/corpora/extraction"}) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path.resolve("evaldata.jsonl"))) {
                return path;
            }
        }
        return null;
    }
}
