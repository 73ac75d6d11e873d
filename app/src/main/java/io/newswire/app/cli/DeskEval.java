package io.newswire.app.cli;

import io.newswire.streams.training.desks.DeskEvaluation;
import io.newswire.streams.tagging.desks.DeskModel;
import io.newswire.streams.tagging.desks.DeskModelFile;
import io.newswire.streams.training.desks.LabelledArticle;
import io.newswire.streams.training.desks.LabelledArticles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code newswire eval --data LABELLED.jsonl --model FILE} (mounted by {@link EvalCommand}): accuracy, per-desk
 * precision, recall and F1 and the confusion matrix of a desk model on labelled articles it was not trained on.
 */
final class DeskEval {

    private DeskEval() {
    }

    /** Prints the evaluation of {@code modelFile} on {@code dataFile}. */
    public static int evaluate(Path dataFile, Path modelFile, PrintStream console) throws Exception {
        long started = System.nanoTime();
        DeskModel deskModel = DeskModelFile.read(modelFile);
        console.printf(Locale.ROOT, "model %s (%d desks, trained on %d articles at %s), loaded in %.2f s%n",
                deskModel.info().version(), deskModel.categories().size(), deskModel.info().documents(),
                deskModel.info().trainedAt(), (System.nanoTime() - started) / 1e9);
        List<LabelledArticle> articles = LabelledArticles.read(dataFile);
        console.printf(Locale.ROOT, "evaluating on %d labelled articles from %s%n%n", articles.size(), dataFile);
        DeskEvaluation.of(deskModel, articles).print(console);
        return 0;
    }
}
