package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.app.bench.Bench;
import io.newswire.app.bench.BenchReport;
import io.newswire.app.bench.BenchSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newswire bench}: throughput and latency side by side with raw Kafka on the same broker; prints a
 * table and writes {@code target/bench.json}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput and latency of the pipeline side by side with raw Kafka on the same broker, its floor"
                + " (a tagger that finds nothing) and the tagger alone.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", defaultValue = "200000", description = "articles for the baseline and the pipeline run (default ${DEFAULT-VALUE})")
    long articles;

    @Option(names = "--warmup", defaultValue = "20000", description = "articles sent through the baseline and the pipeline before each is timed, so a cold JVM's JIT compilation is not in the figures (default ${DEFAULT-VALUE}, at most --articles; 0 for none)")
    long warmup;

    @Option(names = "--rate", defaultValue = "1000", description = "articles per second of the latency run (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--duration", defaultValue = "60", description = "seconds of the latency run (default ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "port of the embedded broker (default ${DEFAULT-VALUE}); the controller uses the next one")
    int kafkaPort;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,…", description = "bench an existing cluster instead of the embedded broker")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "client properties: security for an existing cluster, or tuning to try (also on the embedded broker)")
    Path kafkaConfig;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of each bench topic (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the article generator (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--seeds", paramLabel = "DIR", description = "seed folder whose sentences are recombined (default: seeds/)")
    Path seeds;

    @Option(names = "--corpus", paramLabel = "FILE", description = "JSON lines {title, body} to recombine besides the seeds (default: ../shared/corpora/bbc-news.jsonl when present)")
    Path corpus;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "the bench's broker data, Streams state and SQLite file, wiped at the start (default: data/bench)")
    Path workDir;

    @Mixin
    TaggerOptions tagger;

    @Mixin
    ModelOptions model;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "target/bench.json", description = "where to write the figures as JSON (default ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (articles < 1 || rate < 1 || durationSeconds < 1 || partitions < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--articles, --rate, --duration and --partitions must be at least 1, --warmup at least 0");
        }
        PrintStream out = System.out;
        Path seedDir = seeds != null ? seeds : AppPaths.seedsDir();
        BenchSettings settings = new BenchSettings(articles, Math.min(warmup, articles), rate, Duration.ofSeconds(durationSeconds), partitions,
                seed, bootstrapServers, kafkaConfig, kafkaPort, workDir != null ? workDir : AppPaths.dataDir().resolve("bench"),
                seedDir, corpus != null ? corpus : AppPaths.besideCorpus(seedDir), tagger.taxonomy(), tagger.names(), model.model());
        BenchReport report = new Bench(settings, out).run();
        report.print(out);
        report.write(output);
        out.println("figures written to " + output);
        return 0;
    }
}
