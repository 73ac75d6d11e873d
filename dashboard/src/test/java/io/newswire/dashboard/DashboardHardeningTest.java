package io.newswire.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows an older sink may hold that are no dates (or dated in year 9999) leave the pages answering, with
 * bounded ranges; requests naming another host, or off loopback without the token, are refused.
 */
class DashboardHardeningTest {

    private static final Instant NOW = Instant.parse("2024-11-05T12:00:00Z");

    @TempDir
    Path dir;
    private String sinkUrl;
    private DashboardServer server;

    @BeforeEach
    void fillSinkWithRowsThatAreNoDays() {
        sinkUrl = dir.resolve("newswire.db").toString();
        try (JdbcSink sink = JdbcSink.open(sinkUrl)) {
            sink.write(new SinkBatch(List.of(summary("sanctions", "2024-11-05"), summary("sanctions", "zzzz"),
                    summary("sanctions", "9999-12-31"), summary("sanctions", "2019-01-01"),
                    summary("zzz-only", "zzzz")), List.of(), Map.of()));
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerEveryViewWithBoundedRangesDespiteRowsThatAreNoDays() throws Exception {
        start("127.0.0.1", null);
        String host = "127.0.0.1:" + server.port();

        assertThat(get(host, "/api/topics", null)).startsWith("HTTP/1.1 200");
        JsonNode topic = body(get(host, "/api/topics/sanctions", null));
        assertThat(topic.get("latestDay").asText()).isEqualTo("2024-11-05");
        assertThat(topic.get("days").size()).isLessThanOrEqualTo(400);
        assertThat(get(host, "/api/topics/zzz-only", null)).startsWith("HTTP/1.1 404");
        JsonNode days = body(get(host, "/api/days?from=0001-01-01&to=9999-12-31", null));
        assertThat(days.get("days").size()).isEqualTo(400);
        assertThat(body(get(host, "/api/health", null)).get("latestDay").asText()).isEqualTo("2024-11-05");
    }

    @Test
    void shouldRefuseARequestNamingAnotherHost() throws Exception {
        start("127.0.0.1", null);
        assertThat(get("rebound.example:" + server.port(), "/api/topics", null)).startsWith("HTTP/1.1 421");
        assertThat(get("localhost:" + server.port(), "/api/topics", null)).startsWith("HTTP/1.1 200");
    }

    @Test
    void shouldRequireTheTokenOffLoopbackAndSetItAsACookie() throws Exception {
        start("0.0.0.0", "s3cret");
        String host = "198.51.100.7:" + server.port();
        assertThat(server.accessLine("0.0.0.0")).contains("requires a token").contains("?token=s3cret");
        assertThat(get(host, "/api/topics", null)).startsWith("HTTP/1.1 401");
        String opened = get(host, "/?token=s3cret", null);
        assertThat(opened).startsWith("HTTP/1.1 200").contains("Set-Cookie: newswire_token=s3cret");
        assertThat(get(host, "/api/topics", "Cookie: newswire_token=s3cret")).startsWith("HTTP/1.1 200");
        assertThat(get(host, "/api/topics", "Authorization: Bearer s3cret")).startsWith("HTTP/1.1 200");
        assertThat(get(host, "/api/topics", "Authorization: Bearer guess")).startsWith("HTTP/1.1 401");
    }

    private void start(String host, String token) {
        server = new DashboardServer(sinkUrl, null, Topics.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        server.start(host, 0, token);
    }

    private String get(String host, String path, String header) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (header == null ? "" : header + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode body(String response) throws IOException {
        assertThat(response).startsWith("HTTP/1.1 200");
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            StringBuilder joined = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            body = joined.toString();
        }
        return Json.mapper().readTree(body);
    }

    private static TopicDaySummary summary(String topic, String day) {
        return new TopicDaySummary(1, topic, day, 3, 1, List.of(), List.of(), NOW, NOW);
    }
}
