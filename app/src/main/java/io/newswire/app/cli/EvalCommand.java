package io.newswire.app.cli;

import io.newswire.app.Components;
import io.newswire.producer.fulltext.ArticleTextExtractor;
import io.newswire.producer.fulltext.ExtractionEvaluation;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.entities.names.NameModel;
import io.newswire.streams.tagging.eval.CategoryAccuracy;
import io.newswire.streams.tagging.eval.Evaluation;
import io.newswire.streams.tagging.eval.GoldArticle;
import io.newswire.streams.tagging.eval.Score;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval GOLD}: precision, recall and F1 of the tagger on a gold file; with {@code --corpus}, also the
 * category accuracy of the taxonomy's desks on a labelled corpus such as {@code ../shared/corpora/bbc-news.jsonl}.
 * {@code eval --data LABELLED --model FILE}: the learned desk model on held-out articles ({@link DeskEval}).
 * {@code eval --extraction DIR}: precision, recall, accuracy and F1 of the full-text extractor on a main-text set
 * such as {@code ../shared/corpora/extraction}, and its speed ({@link ExtractionEvaluation}).
 * {@code eval --entities TEST.conll}: the name finder on a CoNLL-format file ({@link EntityEval}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Precision, recall and F1 of the tagger (topics, entities, quantities) on a gold JSON-lines file,",
            "and/or a desk model (--data, --model) on held-out labelled articles,",
            "and/or the full-text extractor on a main-text evaluation set (--extraction DIR)."})
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "GOLD",
            description = "gold file: JSON lines {id, title, body, topics, entities, quantities}")
    Path gold;

    @Option(names = "--data", paramLabel = "LABELLED.jsonl", description = "held-out JSON lines with title, body and category (with --model)")
    Path data;

    @Option(names = "--model", paramLabel = "FILE", description = "desk model from `newswire train` (with --data)")
    Path model;

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "also report desk category accuracy on a corpus of JSON lines {category, title, body} (BBC categories)")
    Path corpus;

    @Option(names = "--entities", paramLabel = "TEST.conll",
            description = "named-entity precision, recall and F1 per type (PER, ORG, LOC) on a CoNLL-format file")
    Path entities;

    @Option(names = "--entity-model", paramLabel = "FILE",
            description = "with --entities: a model from `newswire train-entities` instead of the shipped one")
    Path entityModel;

    @Option(names = "--verbose", description = "print every article (or page) where the tagger (or extractor) and the gold differ")
    boolean verbose;

    @Option(names = "--extraction", paramLabel = "DIR",
            description = "score the full-text extractor on a main-text set: DIR/evaldata.jsonl and the pages it names")
    Path extraction;

    @Mixin
    TaggerOptions tagger;

    @Override
    public Integer call() throws Exception {
        if ((data == null) != (model == null)) {
            throw new ParameterException(spec.commandLine(), "--data and --model go together");
        }
        if (gold == null && data == null && extraction == null && entities == null) {
            throw new ParameterException(spec.commandLine(),
                    "give a GOLD file, --data and --model, --extraction DIR, or --entities FILE");
        }
        if (entityModel != null && entities == null) {
            throw new ParameterException(spec.commandLine(), "--entity-model goes with --entities");
        }
        if (extraction != null) {
            evaluateExtraction(System.out);
        }
        if (data != null) {
            DeskEval.evaluate(data, model, System.out);
        }
        if (entities != null) {
            EntityEval.evaluate(new NameFinder(entityModel == null ? NameModel.defaultModel() : NameModel.read(entityModel)),
                    entities, System.out, verbose);
        }
        return gold == null ? 0 : evaluateGold(System.out);
    }

    private int evaluateGold(PrintStream out) throws Exception {
        LuceneTagger lucene = Components.tagger(tagger.taxonomy(), tagger.names());
        List<GoldArticle> articles = Evaluation.readGold(gold);
        Evaluation.Result result = Evaluation.run(lucene, articles, line -> {
            if (verbose) {
                out.println("  " + line);
            }
        });
        out.printf("%d gold articles from %s%n", result.articles(), gold);
        out.printf(Locale.ROOT, "%-10s  %9s  %6s  %6s  %4s  %4s  %4s%n", "", "precision", "recall", "F1", "tp", "fp", "fn");
        print(out, "topics", result.topics());
        print(out, "entities", result.entities());
        print(out, "quantities", result.quantities());
        if (corpus != null) {
            // A fresh tagger: the keyphrase statistics of the gold run must not leak into this one (they do not
            // affect desks, but a clean run is easier to reason about).
            CategoryAccuracy.Result accuracy = CategoryAccuracy.run(Components.tagger(tagger.taxonomy(), tagger.names()), corpus,
                    CategoryAccuracy.BBC_DESKS);
            out.printf(Locale.ROOT, "desk category accuracy on %s: %.1f %% (%d/%d)%n", corpus,
                    100.0 * accuracy.accuracy(), accuracy.correct(), accuracy.articles());
            for (Map.Entry<String, int[]> category : accuracy.byCategory().entrySet()) {
                int[] counts = category.getValue();
                out.printf(Locale.ROOT, "  %-14s %5.1f %% (%d/%d)%n", category.getKey(), 100.0 * counts[1] / counts[0],
                        counts[1], counts[0]);
            }
        }
        return 0;
    }

    private void evaluateExtraction(PrintStream out) throws IOException {
        if (!Files.isRegularFile(extraction.resolve("evaldata.jsonl"))) {
            throw new ParameterException(spec.commandLine(), "no evaldata.jsonl in " + extraction);
        }
        ExtractionEvaluation.Score score = new ExtractionEvaluation(new ArticleTextExtractor()).run(extraction, true, page -> {
            if (verbose && (!page.missed().isEmpty() || !page.leaked().isEmpty() || page.error() != null)) {
                out.println("  " + page.describe());
            }
        });
        out.printf("main-text extraction on %s%n", extraction);
        out.println(ExtractionEvaluation.format(score));
    }

    private static void print(PrintStream out, String what, Score score) {
        out.printf(Locale.ROOT, "%-10s  %9.3f  %6.3f  %6.3f  %4d  %4d  %4d%n", what, score.precision(), score.recall(),
                score.f1(), score.truePositives(), score.falsePositives(), score.falseNegatives());
    }
}
