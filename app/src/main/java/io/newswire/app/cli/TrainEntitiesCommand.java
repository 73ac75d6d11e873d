package io.newswire.app.cli;

import io.newswire.streams.tagging.entities.names.ConllCorpus;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.entities.names.NameModel;
import io.newswire.streams.tagging.entities.names.NameTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newswire train-entities}: the name finder's model (persons, organisations, locations) from a
 * CoNLL-format file; with {@code --test}, its scores on a held-out file right after.
 */
@Command(name = "train-entities", mixinStandardHelpOptions = true,
        description = "Train the named-entity model (PER, ORG, LOC) from a CoNLL-format file.")
public final class TrainEntitiesCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "TRAIN.conll",
            description = "CoNLL-format training file: a token a line, word first, BIO tag last")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the model")
    Path out;

    @Option(names = "--test", paramLabel = "TEST.conll", description = "score the new model on this held-out file")
    Path test;

    @Option(names = "--epochs", defaultValue = "8", description = "passes over the data (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--cutoff", defaultValue = "2",
            description = "keep features seen at least this many times (default ${DEFAULT-VALUE})")
    int cutoff;

    @Option(names = "--seed", defaultValue = "42",
            description = "seed of the shuffles: the same data and seed give the same model (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || cutoff < 1) {
            throw new IllegalArgumentException("--epochs and --cutoff must be at least 1");
        }
        PrintStream console = System.out;
        List<ConllCorpus.Passage> passages = ConllCorpus.read(data);
        console.printf(Locale.ROOT, "read %d passages (%d tokens) from %s%n", passages.size(),
                passages.stream().mapToInt(p -> p.words().size()).sum(), data);
        long started = System.nanoTime();
        NameModel model = new NameTrainer(new NameTrainer.Settings(epochs, cutoff, seed), Clock.systemUTC())
                .train(passages, data.getFileName().toString());
        model.write(out);
        console.printf(Locale.ROOT, "wrote %s: model %s, %d features, %.1f s%n", out, model.info().version(),
                model.info().features(), (System.nanoTime() - started) / 1e9);
        if (test != null) {
            EntityEval.evaluate(new NameFinder(model), test, console);
        }
        return 0;
    }
}
