package io.newswire.app;

import io.newswire.app.broker.BrokerStartException;
import io.newswire.app.cli.BenchCommand;
import io.newswire.app.cli.BrokerCommand;
import io.newswire.app.cli.ConsumerCommand;
import io.newswire.app.cli.DemoCommand;
import io.newswire.app.cli.EvalCommand;
import io.newswire.app.cli.ProduceCommand;
import io.newswire.app.cli.ReprocessCommand;
import io.newswire.app.cli.StreamsCommand;
import io.newswire.app.cli.TagCommand;
import io.newswire.app.cli.TrainCommand;
import io.newswire.app.kafka.KafkaUnreachableException;
import io.newswire.consumer.sink.SinkException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newswire} command line. Exit codes: 0 done, 2 bad usage, 1 failure with one clear line on
 * stderr (the details, if any, in {@code data/logs/newswire.log}).
 */
@Command(name = "newswire", mixinStandardHelpOptions = true, version = "newswire 0.1.0",
        description = "A news ingestion pipeline on Apache Kafka.",
        subcommands = {DemoCommand.class, ProduceCommand.class, StreamsCommand.class, ConsumerCommand.class,
            TagCommand.class, EvalCommand.class, ReprocessCommand.class, BrokerCommand.class, TrainCommand.class,
            BenchCommand.class})
public final class Newswire {

    public static void main(String[] args) {
        Logs.toFile(AppPaths.logDir());
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, without exiting: for tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Newswire());
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("newswire: " + oneLine(error));
            org.slf4j.LoggerFactory.getLogger(Newswire.class).error("command failed", error);
            return 1;
        });
        return cli.execute(args);
    }

    /** The message a user can act on, without a stack trace. */
    static String oneLine(Throwable error) {
        if (error instanceof BrokerStartException || error instanceof KafkaUnreachableException
                || error instanceof SinkException || error instanceof IllegalArgumentException
                || error instanceof IllegalStateException) {
            return error.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage()
                + (root != error ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
    }
}
