package io.newswire.app.cli;

import io.newswire.streams.training.desks.DeskCrossValidation;
import io.newswire.streams.tagging.desks.DeskModel;
import io.newswire.streams.tagging.desks.DeskModelFile;
import io.newswire.streams.training.desks.DeskTrainer;
import io.newswire.streams.training.desks.DeskTrainingSettings;
import io.newswire.streams.training.desks.LabelledArticle;
import io.newswire.streams.training.desks.LabelledArticles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newswire train}: a desk classifier from labelled JSON lines, optionally cross-validated first;
 * the model file it writes is what {@code --model} loads.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the desk classifier from labelled JSON lines (title, body, category).")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "LABELLED.jsonl",
            description = "JSON lines with title, body and category, e.g. ../shared/corpora/bbc-news.jsonl")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the model")
    Path out;

    @Option(names = "--folds", defaultValue = "0",
            description = "first cross-validate with this many stratified folds and print the tables (0: don't)")
    int folds;

    @Option(names = "--seed", defaultValue = "42",
            description = "seed of the shuffles: the same data and seed give the same model (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--algorithm", defaultValue = DeskTrainingSettings.QN,
            description = "MAXENT_QN (L-BFGS, L2) or MAXENT (GIS) (default ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--iterations", defaultValue = "" + DeskTrainingSettings.DEFAULT_ITERATIONS, description = "training iterations (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--cutoff", defaultValue = "" + DeskTrainingSettings.DEFAULT_CUTOFF,
            description = "keep features seen in at least this many articles (default ${DEFAULT-VALUE})")
    int cutoff;

    @Option(names = "--l2", defaultValue = "" + DeskTrainingSettings.DEFAULT_L2, description = "L2 penalty of MAXENT_QN (default ${DEFAULT-VALUE})")
    double l2;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("--folds must be 0 (no cross-validation) or at least 2");
        }
        DeskTrainingSettings settings = new DeskTrainingSettings(algorithm, iterations, cutoff, l2, seed);
        List<LabelledArticle> articles = LabelledArticles.read(data);
        console.printf(Locale.ROOT, "read %d labelled articles from %s: %s%n", articles.size(), data, countByCategory(articles));
        try (DeskTrainer trainer = new DeskTrainer(settings, Clock.systemUTC())) {
            if (folds >= 2) {
                crossValidate(trainer, articles, console);
            }
            long started = System.nanoTime();
            console.printf(Locale.ROOT, "training on all %d articles …%n", articles.size());
            DeskModel model = trainer.train(articles);
            DeskModelFile.write(model, out);
            console.printf(Locale.ROOT, "wrote %s: model %s, %d desks (%s), %.1f s%n", out, model.info().version(),
                    model.categories().size(), String.join(", ", model.categories()), (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }

    private void crossValidate(DeskTrainer trainer, List<LabelledArticle> articles, PrintStream console) {
        console.printf(Locale.ROOT, "%d-fold stratified cross-validation (seed %d, %s) …%n", folds, seed,
                trainer.settings().algorithm());
        DeskCrossValidation.Result result = DeskCrossValidation.run(trainer, articles, folds, fold ->
                console.printf(Locale.ROOT, "  fold %d/%d: trained on %d, tested on %d: accuracy %.4f (%.1f s)%n",
                        fold.fold(), fold.folds(), fold.trainingSize(), fold.testSize(), fold.accuracy(),
                        fold.millis() / 1000.0));
        console.println();
        console.printf(Locale.ROOT, "cross-validated (%d folds) ", folds);
        result.evaluation().print(console);
        console.println();
    }

    private static Map<String, Long> countByCategory(List<LabelledArticle> articles) {
        Map<String, Long> counts = new TreeMap<>();
        articles.forEach(a -> counts.merge(a.category(), 1L, Long::sum));
        return counts;
    }
}
