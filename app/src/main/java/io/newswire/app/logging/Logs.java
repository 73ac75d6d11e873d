package io.newswire.app.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.slf4j.LoggerFactory;

/**
 * The broker's, the clients' and newswire's logs go to a file, not onto the screen, which is for newswire's
 * own progress and results: {@code data/logs/<command>.log}, appended to, so the logs of earlier runs and of
 * the other commands run by hand stay (a file past {@value #ROLL_BYTES} bytes is moved to
 * {@code <command>.1.log} first). Every line has its passwords masked. Must run before the first logger is
 * created.
 */
public final class Logs {

    /** Beyond this a log file is moved aside at the next start, so a long-lived data directory stays bounded. */
    static final long ROLL_BYTES = 64L * 1024 * 1024;

    private Logs() {
    }

    /** Configures slf4j-simple; returns where the logs go, for the user ("-" for stderr). */
    public static String configure(Path logDir, LogSettings settings) {
        String where;
        OutputStream target;
        try {
            if (settings.toStderr()) {
                target = new FileOutputStream(java.io.FileDescriptor.err);
                where = LogSettings.STDERR;
            } else {
                Path file = settings.file() != null ? Path.of(settings.file())
                        : logDir.resolve(settings.command() + ".log");
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                rollIfLarge(file);
                target = new FileOutputStream(file.toFile(), true);
                where = file.toString();
            }
        } catch (IOException e) {
            // No writable log file: the command will say what fails in one line; stack traces would only bury it.
            target = OutputStream.nullOutputStream();
            where = "nowhere (" + e.getMessage() + ")";
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", settings.level());
        if (!settings.level().equals("debug") && !settings.level().equals("trace")) {
            // The clients' INFO lines repeat every config they were given; warnings are what matters there.
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.common.config", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.common.utils.AppInfoParser", "warn");
        }
        installStream(new PrintStream(new RedactingOutputStream(target), true, StandardCharsets.UTF_8));
        LoggerFactory.getLogger(Logs.class).info("newswire {} started (pid {}) at {}", settings.command(),
                ProcessHandle.current().pid(), Instant.now());
        return where;
    }

    /**
     * slf4j-simple opens a log file without append and cannot mask anything; but told to write to a cached
     * System.err, it keeps whatever stream System.err is while it initialises. So: ours for that moment,
     * then the real stderr back for the console.
     */
    private static void installStream(PrintStream logStream) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        PrintStream console = System.err;
        System.setErr(logStream);
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            System.setErr(console);
        }
    }

    private static void rollIfLarge(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > ROLL_BYTES) {
            String name = file.getFileName().toString();
            String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
            Files.move(file, file.resolveSibling(base + ".1.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
