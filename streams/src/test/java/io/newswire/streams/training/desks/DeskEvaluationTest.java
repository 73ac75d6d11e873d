package io.newswire.streams.training.desks;

import io.newswire.streams.tagging.desks.DeskModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskEvaluationTest {

    @Test
    void shouldAddUpFoldsAndComputePrecisionRecallAndF1() {
        DeskModel model;
        try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
            model = trainer.train(SmallLabelledSet.articles(15, 1));
        }
        // A sport article labelled "business": one known error on top of what the model gets right.
        LabelledArticle mislabelled = new LabelledArticle("x", "Striker goal", "The team won the cup match, "
                + "the coach said after the league game.", "business");
        List<LabelledArticle> heldOut = SmallLabelledSet.articles(5, 2);

        DeskEvaluation evaluation = DeskEvaluation.of(model, heldOut).plus(DeskEvaluation.of(model, List.of(mislabelled)));

        assertThat(evaluation.total()).isEqualTo(heldOut.size() + 1);
        assertThat(evaluation.count("business", "sport")).isGreaterThanOrEqualTo(1);
        assertThat(evaluation.accuracy()).isCloseTo((double) evaluation.correct() / evaluation.total(), within(1e-12));
        double p = evaluation.precision("sport");
        double r = evaluation.recall("sport");
        assertThat(evaluation.f1("sport")).isCloseTo(2 * p * r / (p + r), within(1e-12));
        assertThat(evaluation.recall("business")).isLessThan(1.0);
        assertThat(evaluation.precision("sport")).isLessThan(1.0);
    }

    @Test
    void shouldPrintAccuracyThePerClassTableAndTheConfusionMatrix() {
        DeskModel model;
        try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
            model = trainer.train(SmallLabelledSet.articles(15, 1));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        DeskEvaluation.of(model, SmallLabelledSet.articles(5, 2)).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("accuracy ").contains("precision  recall      F1  support")
                .contains("confusion matrix (rows: label, columns: predicted)");
        assertThat(printed.lines().filter(l -> l.startsWith("politics"))).hasSize(2);
    }
}
