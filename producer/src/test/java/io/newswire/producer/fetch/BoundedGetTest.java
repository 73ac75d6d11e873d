package io.newswire.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.producer.testing.TestWebServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The size cap of a fetch, and that a connection cut at the cap does not spoil the next fetch. */
class BoundedGetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestWebServer site;

    @BeforeEach
    void start() throws Exception {
        site = new TestWebServer();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void shouldCutTheBodyAtTheCapAndStillFetchAfterwards() throws Exception {
        site.serveHtml("/big", "x".repeat(100_000));
        site.serveHtml("/small", "<p>small</p>");
        BoundedGet http = new BoundedGet("test", AddressPolicy.ANY);

        BoundedGet.Response big = http.get(URI.create(site.url("/big")), Map.of(), 1024, TIMEOUT);
        BoundedGet.Response small = http.get(URI.create(site.url("/small")), Map.of(), 1024, TIMEOUT);

        assertThat(big.truncated()).isTrue();
        assertThat(big.body()).hasSize(1024);
        assertThat(small.truncated()).isFalse();
        assertThat(new String(small.body())).isEqualTo("<p>small</p>");
        assertThat(small.header("content-type")).startsWith("text/html");
    }
}
