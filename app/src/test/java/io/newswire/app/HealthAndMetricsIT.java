package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.testsupport.SharedKafka;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code streams} and {@code consumer} with {@code --metrics-port}: /health turns 200 once ready, /metrics has Kafka's families. */
class HealthAndMetricsIT {

    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a command on a thread of its own until /health says ready, checks /metrics, then stops it. */
    private void assertServes(String family, String... args) throws Exception {
        int port = freePort();
        String[] withPort = new String[args.length + 2];
        System.arraycopy(args, 0, withPort, 0, args.length);
        withPort[args.length] = "--metrics-port";
        withPort[args.length + 1] = String.valueOf(port);
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread command = new Thread(() -> exitCode.set(Newswire.run(withPort)), "command-" + args[0]);
        command.start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(get(port, "/health").statusCode()).isEqualTo(200));
            assertThat(get(port, "/health").body()).contains("\"status\":\"UP\"");
            String metrics = get(port, "/metrics").body();
            assertThat(metrics).contains("\n" + family).contains("jvm_memory_used_bytes");
            assertThat(exitCode.get()).as("still running").isEqualTo(-1);
        } finally {
            // Ctrl-C cannot be sent to a thread: an interrupt ends the command's wait the same way.
            command.interrupt();
            command.join(60_000);
        }
    }

    @Test
    void streamsShouldServeHealthAndKafkaStreamsMetrics() throws Exception {
        assertServes("kafka_stream_", "streams", "--bootstrap-servers", KAFKA.bootstrapServers());
    }

    @Test
    void consumerShouldServeHealthAndKafkaConsumerMetrics() throws Exception {
        assertServes("kafka_consumer_", "consumer", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--sink", dir.resolve("sink.db").toString());
    }
}
