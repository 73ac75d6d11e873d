package io.newswire.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker's and the clients' logs go to {@code data/logs/newswire.log}, not onto the screen, which is
 * for newswire's own progress and results. Must run before the first logger is created.
 */
public final class Logs {

    private Logs() {
    }

    public static void toFile(Path logDir) {
        String target;
        try {
            Files.createDirectories(logDir);
            target = logDir.resolve("newswire.log").toString();
        } catch (IOException e) {
            // No writable data directory: the command will say so in one line; stack traces would only bury it.
            target = "System.err";
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", target);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "info"));
        // The clients' INFO lines repeat every config they were given; warnings are what matters there.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.common.config", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.common.utils.AppInfoParser", "warn");
    }
}
