package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.app.Components;
import io.newswire.app.Reprocessing;
import io.newswire.streams.TopologyConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reprocess}: options only; the work is {@link Reprocessing}. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = "Rebuild the tagged topic, the summaries and the sink from news.articles.raw (after a taxonomy change).")
public final class ReprocessCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TaggerOptions tagger;

    @Mixin
    ModelOptions model;

    @Option(names = "--sink", paramLabel = "PATH|JDBC-URL", description = "SQLite file or jdbc:postgresql://… (default: data/newswire.db)")
    String sink;

    @Option(names = "--timeout", defaultValue = "600", description = "give up after this many seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Properties config = kafka.reachableClientConfig(out);
        String sinkUrl = sink != null ? sink : AppPaths.defaultSink();
        TopologyConfig topology = Components.withDesks(Components.topologyConfig(config, tagger), model.model());
        return new Reprocessing(config, topology, AppPaths.streamsStateDir(), sinkUrl, out)
                .run(Duration.ofSeconds(timeoutSeconds)) ? 0 : 1;
    }
}
