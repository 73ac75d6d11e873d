package io.newswire.app.cli;

import io.newswire.streams.tagging.entities.names.ConllCorpus;
import io.newswire.streams.tagging.entities.names.NameEvaluation;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.eval.Score;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table of {@code eval --entities}: entity-level precision, recall and F1 per type on a CoNLL file. */
final class EntityEval {

    private EntityEval() {
    }

    static void evaluate(NameFinder finder, Path conll, PrintStream out) throws IOException {
        evaluate(finder, conll, out, false);
    }

    /** With {@code verbose}, first every name found but not in the file (+) and every name missed (-). */
    static void evaluate(NameFinder finder, Path conll, PrintStream out, boolean verbose) throws IOException {
        List<ConllCorpus.Passage> passages = ConllCorpus.read(conll);
        long started = System.nanoTime();
        Map<String, Score> scores = NameEvaluation.run(finder, passages, mistake -> {
            if (verbose) {
                out.println("  " + mistake);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "named entities on %s (%d passages, model %s), %.1f s%n", conll, passages.size(),
                finder.model().info().version(), seconds);
        out.printf(Locale.ROOT, "%-6s  %9s  %6s  %6s  %6s  %6s  %6s%n", "type", "precision", "recall", "F1", "tp", "fp", "fn");
        scores.forEach((type, score) -> out.printf(Locale.ROOT, "%-6s  %9.3f  %6.3f  %6.3f  %6d  %6d  %6d%n", type,
                score.precision(), score.recall(), score.f1(), score.truePositives(), score.falsePositives(),
                score.falseNegatives()));
    }
}
