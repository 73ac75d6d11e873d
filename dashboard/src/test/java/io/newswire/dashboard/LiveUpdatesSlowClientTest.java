package io.newswire.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.common.TaggedArticle;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkBatch;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page that never reads its event stream is dropped; the other pages keep getting their updates. */
class LiveUpdatesSlowClientTest {

    @TempDir
    Path dir;
    private DashboardServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        String sinkUrl = dir.resolve("newswire.db").toString();
        JdbcSink.open(sinkUrl).close();
        server = new DashboardServer(sinkUrl, null, Topics.defaults());
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldDropAPageThatDoesNotReadAndKeepUpdatingTheOthers() throws Exception {
        try (Socket stalled = new Socket()) {
            // A page that asks for the stream and then never reads a byte of it.
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            HttpResponse<Stream<String>> reading = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/events"))
                            .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> reading.body().filter(line -> line.startsWith("data:"))
                    .forEach(received::add));
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.liveUpdates().clientCount() == 2);

            // Events of ~40 KB each, until the stalled page's socket buffers and queue are full.
            int sent = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (server.liveUpdates().droppedClients() == 0 && System.nanoTime() < deadline) {
                server.afterWrite(batch(sent++));
                if (sent % 20 == 0) {
                    int expected = sent;
                    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= expected);
                }
            }
            assertThat(server.liveUpdates().droppedClients()).isEqualTo(1);
            assertThat(server.liveUpdates().clientCount()).isEqualTo(1);

            int before = received.size();
            server.afterWrite(batch(-1));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() > before);
            assertThat(received.get(received.size() - 1)).contains("last-article");
        }
    }

    private static SinkBatch batch(int n) {
        List<TaggedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String id = n < 0 ? "last-article" : "article-" + n + "-" + i + "-padding-padding";
            articles.add(new TaggedArticle(1, id, "test", null, "t", "b", null, null, "en", "2024-11-05",
                    "ingested", List.of(), List.of(), List.of(), List.of(), null, null));
            if (n < 0) {
                break;
            }
        }
        return new SinkBatch(List.of(), articles, Map.of());
    }
}
