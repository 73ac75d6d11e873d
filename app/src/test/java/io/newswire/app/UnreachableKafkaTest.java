package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command that talks to Kafka fails with one clear line when it is unreachable, or with --wait says so. */
class UnreachableKafkaTest {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String deadAddress;

    @BeforeEach
    void captureOutput() throws IOException {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (ServerSocket socket = new ServerSocket(0)) {
            deadAddress = "127.0.0.1:" + socket.getLocalPort(); // free, so nothing answers there
        }
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void everyKafkaCommandShouldFailWithinFifteenSecondsWithOneLine() {
        List<String[]> commands = List.of(
                new String[] {"streams", "--bootstrap-servers", deadAddress},
                new String[] {"consumer", "--bootstrap-servers", deadAddress, "--sink", "target/unreachable-test.db"},
                new String[] {"produce", "seeds", "--bootstrap-servers", deadAddress, "../seeds"});

        // One thread each (the common pool may have a single thread on a small machine): all run at once.
        ExecutorService threads = Executors.newFixedThreadPool(commands.size());
        List<Integer> exitCodes;
        try {
            exitCodes = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> commands.stream()
                    .map(args -> CompletableFuture.supplyAsync(() -> Newswire.run(args), threads))
                    .toList().stream()
                    .map(CompletableFuture::join)
                    .toList());
        } finally {
            threads.shutdownNow();
        }

        assertThat(exitCodes).containsOnly(1);
        // Other stderr lines are the Kafka clients' log (slf4j-simple writes to stderr in tests, to a file in the app).
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("newswire:")).toList();
        assertThat(lines).hasSize(commands.size())
                .allSatisfy(line -> assertThat(line).isEqualTo("newswire: cannot reach Kafka at " + deadAddress + " after 10 s"));
    }

    @Test
    void withWaitItShouldSayWhatItWaitsFor() throws InterruptedException {
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread command = new Thread(() -> exitCode.set(Newswire.run("streams", "--wait", "--bootstrap-servers", deadAddress)));
        command.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("waiting for Kafka at " + deadAddress + " …"));
        assertThat(exitCode.get()).as("still waiting").isEqualTo(-1);

        command.interrupt();
        command.join(10_000);
        assertThat(command.isAlive()).isFalse();
    }
}
