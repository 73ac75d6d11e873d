package io.newswire.producer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.producer.testing.RecordingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /articles} refuses what a browser on another site could send: another Host (DNS rebinding),
 * a form's Content-Type, a cross-site Origin or Sec-Fetch-Site; off loopback, a request without the token.
 * Raw HTTP over a socket, because Java's HTTP client does not let a test set Host.
 */
class HttpSourceGuardTest {

    private static final String ARTICLE = "{\"title\":\"T\",\"body\":\"B\"}";

    private final RecordingOutput output = new RecordingOutput();
    private final List<String> report = new ArrayList<>();
    private HttpSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void shouldAcceptAJsonPostFromThisMachine() throws Exception {
        start("127.0.0.1", null);
        assertThat(post("127.0.0.1:" + source.port(), "application/json; charset=utf-8", "")).startsWith("HTTP/1.1 202");
        assertThat(post("localhost:" + source.port(), "application/json", "Origin: http://localhost:" + source.port()
                + "\r\nSec-Fetch-Site: same-origin\r\n")).startsWith("HTTP/1.1 202");
        assertThat(output.published()).hasSize(2);
    }

    @Test
    void shouldRefuseAnotherHostAsDnsRebinding() throws Exception {
        start("127.0.0.1", null);
        assertThat(post("evil.example:" + source.port(), "application/json", "")).startsWith("HTTP/1.1 421");
        assertThat(output.published()).isEmpty();
    }

    @Test
    void shouldRefuseWhatAFormOnAnotherSiteCouldSend() throws Exception {
        start("127.0.0.1", null);
        String host = "127.0.0.1:" + source.port();
        assertThat(post(host, "text/plain", "")).startsWith("HTTP/1.1 415");
        assertThat(post(host, "application/x-www-form-urlencoded", "")).startsWith("HTTP/1.1 415");
        assertThat(post(host, null, "")).startsWith("HTTP/1.1 415");
        assertThat(post(host, "application/json", "Origin: https://evil.example\r\n")).startsWith("HTTP/1.1 403");
        assertThat(post(host, "application/json", "Origin: null\r\n")).startsWith("HTTP/1.1 403");
        assertThat(post(host, "application/json", "Sec-Fetch-Site: cross-site\r\n")).startsWith("HTTP/1.1 403");
        assertThat(output.published()).isEmpty();
    }

    @Test
    void shouldRequireTheTokenOffLoopbackAndSaySoAtStart() throws Exception {
        start("0.0.0.0", "s3cret");
        String host = "192.0.2.10:" + source.port();
        assertThat(report).anySatisfy(line -> assertThat(line).contains("requires a token"));
        assertThat(post(host, "application/json", "")).startsWith("HTTP/1.1 401");
        assertThat(post(host, "application/json", "Authorization: Bearer wrong\r\n")).startsWith("HTTP/1.1 401");
        assertThat(post(host, "application/json", "Authorization: Bearer s3cret\r\n")).startsWith("HTTP/1.1 202");
        assertThat(output.published()).hasSize(1);
    }

    @Test
    void shouldMakeUpAndPrintATokenWhenNoneIsGivenOffLoopback() throws Exception {
        start("0.0.0.0", null);
        String line = report.stream().filter(l -> l.contains("requires a token")).findFirst().orElseThrow();
        String token = line.replaceAll(".*Bearer ([0-9a-f]+).*", "$1");
        assertThat(token).hasSize(32);
        assertThat(post("127.0.0.1:" + source.port(), "application/json", "")).startsWith("HTTP/1.1 401");
        assertThat(post("127.0.0.1:" + source.port(), "application/json", "Authorization: Bearer " + token + "\r\n"))
                .startsWith("HTTP/1.1 202");
    }

    private void start(String host, String token) {
        source = new HttpSource(output, 1000, Clock.systemUTC(), report::add, token).start(host, 0);
    }

    /** A raw POST; returns the status line and what follows. */
    private String post(String host, String contentType, String extraHeaders) throws IOException {
        byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_8);
        String request = "POST /articles HTTP/1.1\r\nHost: " + host + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + extraHeaders + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", source.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
