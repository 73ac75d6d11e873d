package io.newswire.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(OpsServer ops, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthShouldBe200OnlyWhenEveryCheckIsReady() throws Exception {
        AtomicBoolean running = new AtomicBoolean();
        try (OpsServer ops = OpsServer.start("127.0.0.1", 0)) {
            assertThat(send(ops, "GET", "/health").statusCode()).as("no checks yet").isEqualTo(503);

            ops.check("streams", () -> running.get() ? Health.ready("RUNNING") : Health.notReady("REBALANCING"))
                    .check("sink", () -> Health.ready("joined"));
            HttpResponse<String> down = send(ops, "GET", "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("REBALANCING");

            running.set(true);
            HttpResponse<String> up = send(ops, "GET", "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"UP\"").contains("\"streams\":{\"ready\":true,\"detail\":\"RUNNING\"}");
        }
    }

    @Test
    void metricsShouldServeJvmAndNewswireCountersInPrometheusText() throws Exception {
        try (OpsServer ops = OpsServer.start("127.0.0.1", 0)) {
            Metrics.counter("newswire.test.things", "kind", "ops").increment(3);

            HttpResponse<String> metrics = send(ops, "GET", "/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("process_uptime_seconds")
                    .contains("newswire_test_things_total{kind=\"ops\"} 3.0");
            assertThat(send(ops, "POST", "/metrics").statusCode()).isEqualTo(405);
            assertThat(send(ops, "GET", "/other").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aDisabledServerShouldAcceptChecksAndBindersAndServeNothing() {
        try (OpsServer ops = OpsServer.disabled()) {
            ops.check("x", () -> Health.ready("")).bind(() -> registry -> {
                throw new AssertionError("not bound when disabled");
            });
            assertThat(ops.enabled()).isFalse();
            assertThat(ops.port()).isEqualTo(-1);
        }
    }
}
