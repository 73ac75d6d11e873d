package io.newswire.app;

import io.newswire.app.broker.BrokerStartException;
import io.newswire.app.cli.BenchCommand;
import io.newswire.app.cli.BrokerCommand;
import io.newswire.app.cli.ConsumerCommand;
import io.newswire.app.cli.DemoCommand;
import io.newswire.app.cli.EvalCommand;
import io.newswire.app.cli.ExtractCommand;
import io.newswire.app.cli.ProduceCommand;
import io.newswire.app.cli.ReprocessCommand;
import io.newswire.app.cli.StreamsCommand;
import io.newswire.app.cli.TagCommand;
import io.newswire.app.cli.TrainCommand;
import io.newswire.app.cli.TrainEntitiesCommand;
import io.newswire.app.cli.TrainKeyphrasesCommand;
import io.newswire.app.kafka.KafkaUnreachableException;
import io.newswire.app.logging.LogSettings;
import io.newswire.app.logging.Logs;
import io.newswire.app.logging.RedactingOutputStream;
import io.newswire.common.Secrets;
import io.newswire.consumer.sink.SinkException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code newswire} command line. Exit codes: 0 done, 2 bad usage, 1 failure with one clear line on
 * stderr (the details, if any, in {@code data/logs/<command>.log}). No message shows a password.
 */
@Command(name = "newswire", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "A news ingestion pipeline on Apache Kafka.",
        subcommands = {DemoCommand.class, ProduceCommand.class, StreamsCommand.class, ConsumerCommand.class,
            TagCommand.class, EvalCommand.class, ReprocessCommand.class, BrokerCommand.class, TrainCommand.class,
            TrainEntitiesCommand.class, TrainKeyphrasesCommand.class, BenchCommand.class,
            ExtractCommand.class})
public final class Newswire {

    /** How much the log file gets; read before picocli runs (see {@link LogSettings}), declared here for help and checks. */
    public enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE, OFF }

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "how much goes to the log: error, warn, info (default), debug, trace, off; env "
                    + LogSettings.LEVEL_ENV)
    LogLevel logLevel;

    @Option(names = "--log-file", scope = ScopeType.INHERIT, paramLabel = "FILE|-",
            description = "append the log to FILE, or '-' for stderr (containers); default data/logs/<command>.log; env "
                    + LogSettings.FILE_ENV)
    String logFile;

    public static void main(String[] args) {
        Logs.configure(AppPaths.logDir(), LogSettings.from(args, System.getenv()));
        // stderr carries only messages (never data), so every line of it can go through the same mask.
        System.setErr(new PrintStream(new RedactingOutputStream(new FileOutputStream(FileDescriptor.err)), true,
                StandardCharsets.UTF_8));
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, without exiting: for tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Newswire());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("newswire: " + oneLine(error));
            org.slf4j.LoggerFactory.getLogger(Newswire.class).error("command failed", error);
            return 1;
        });
        return cli.execute(args);
    }

    /** The message a user can act on, without a stack trace nor a password. */
    static String oneLine(Throwable error) {
        return Secrets.redact(describe(error));
    }

    private static String describe(Throwable error) {
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
