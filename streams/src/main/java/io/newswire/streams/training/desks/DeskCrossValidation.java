package io.newswire.streams.training.desks;

import io.newswire.streams.tagging.desks.DeskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stratified k-fold cross-validation of the desk trainer: each fold is classified by a model trained on
 * the other folds only, and the k confusion matrices are added up.
 */
public final class DeskCrossValidation {

    /** The summed evaluation and each fold's accuracy. */
    public record Result(DeskEvaluation evaluation, List<Double> foldAccuracies) {
    }

    /** One fold done: its number (from 1), sizes, accuracy and training time. */
    public record FoldReport(int fold, int folds, int trainingSize, int testSize, double accuracy, long millis) {
    }

    private DeskCrossValidation() {
    }

    public static Result run(DeskTrainer trainer, List<LabelledArticle> articles, int k, Consumer<FoldReport> progress) {
        DeskEvaluation total = null;
        List<Double> accuracies = new ArrayList<>();
        int fold = 0;
        for (StratifiedFolds.Split split : StratifiedFolds.splits(articles, k, trainer.settings().seed())) {
            fold++;
            long started = System.nanoTime();
            DeskModel model = trainer.train(split.training());
            DeskEvaluation evaluation = DeskEvaluation.of(model, split.test());
            accuracies.add(evaluation.accuracy());
            total = total == null ? evaluation : total.plus(evaluation);
            progress.accept(new FoldReport(fold, k, split.training().size(), split.test().size(),
                    evaluation.accuracy(), (System.nanoTime() - started) / 1_000_000));
        }
        return new Result(total, List.copyOf(accuracies));
    }
}
