package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Topics;
import io.newswire.testsupport.SharedKafka;
import io.newswire.testsupport.RawTopic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the command line: {@code bootstrap.servers} of {@code --kafka-config} is where Kafka is, unless
 * {@code --bootstrap-servers} says otherwise (the environment and the default come after both; see
 * KafkaClientConfigTest).
 */
class KafkaConfigPrecedenceIT {
    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @TempDir
    Path dir;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void captureOutput() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private Path clientFile() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=" + KAFKA.bootstrapServers() + "\n");
        return file;
    }

    @Test
    void produceShouldReachTheBrokerOfTheKafkaConfigFile() throws Exception {
        // A cluster of this class alone; the other test produces nothing.
        int code = Newswire.run("produce", "seeds", "../seeds", "--kafka-config", clientFile().toString());

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(RawTopic.count(KAFKA.clientConfig(), Topics.defaults().raw().name()))
                .isEqualTo(Files.list(Path.of("../seeds")).filter(p -> p.toString().endsWith(".txt")).count());
    }

    @Test
    void theFlagShouldWinOverTheFile() throws Exception {
        String dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = "127.0.0.1:" + socket.getLocalPort();
        }

        int code = Newswire.run("produce", "seeds", "../seeds", "--kafka-config", clientFile().toString(),
                "--bootstrap-servers", dead);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("newswire:")))
                .containsExactly("newswire: cannot reach Kafka at " + dead + " after 10 s");
    }
}
