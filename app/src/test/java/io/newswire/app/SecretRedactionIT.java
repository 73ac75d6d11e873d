package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.testsupport.SharedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * No password reaches the console or the log files: each command runs as its own process (as a user runs
 * it, logs to data/logs at debug level), with a password in the JAAS line, in a truststore setting and in
 * the sink's JDBC URL, and its whole output and every log file are searched for them.
 */
class SecretRedactionIT {

    private static final String JAAS_SECRET = "jaas-Secret-41";
    private static final String STORE_SECRET = "store-Secret-42";
    private static final String JDBC_SECRET = "jdbc-Secret-43";
    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @TempDir
    Path dir;

    /** Runs {@code newswire args…} in a JVM of its own; returns exit code and everything it printed. */
    private Result newswire(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Newswire.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--log-level", "debug"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().put(AppPaths.DATA_DIR_ENV, dir.resolve("data").toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("newswire " + String.join(" ", args) + " did not end within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }

    private String allLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("logs"))) {
            for (Path file : files.toList()) {
                logs.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return logs.toString();
    }

    @Test
    void noCommandShouldPrintOrLogAPassword() throws Exception {
        Path clientConfig = dir.resolve("client.properties");
        // PLAINTEXT, so the SASL and TLS settings are carried around (and logged) but not needed to connect.
        Files.writeString(clientConfig, String.join("\n",
                "bootstrap.servers=" + KAFKA.bootstrapServers(),
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"nw\" password=\""
                        + JAAS_SECRET + "\";",
                "ssl.truststore.password=" + STORE_SECRET, ""));
        String sink = "jdbc:postgresql://127.0.0.1:1/newswire?user=newswire&password=" + JDBC_SECRET;

        Result produce = newswire("produce", "seeds", "../seeds", "--kafka-config", clientConfig.toString());
        Result consumer = newswire("consumer", "--kafka-config", clientConfig.toString(), "--sink", sink);
        Result reprocess = newswire("reprocess", "--kafka-config", clientConfig.toString(), "--sink", sink);

        assertThat(produce.exitCode()).as(produce.output()).isZero();
        assertThat(consumer.exitCode()).as(consumer.output()).isEqualTo(1);
        assertThat(consumer.output()).contains("password=***");
        assertThat(reprocess.exitCode()).as(reprocess.output()).isEqualTo(1);
        String logs = allLogs();
        assertThat(logs).contains("password=***").contains("newswire consumer started");
        for (String printed : List.of(produce.output(), consumer.output(), reprocess.output(), logs)) {
            assertThat(printed).doesNotContain(JAAS_SECRET).doesNotContain(STORE_SECRET).doesNotContain(JDBC_SECRET);
        }
    }
}
