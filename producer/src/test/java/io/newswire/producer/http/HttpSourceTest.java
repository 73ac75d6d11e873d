package io.newswire.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.producer.testing.RecordingOutput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSourceTest {

    private final RecordingOutput output = new RecordingOutput();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpSource source;

    @BeforeEach
    void start() {
        source = new HttpSource(output, 1000, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
                line -> { }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        source.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + source.port() + "/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAcceptOneArticleOrAnArray() throws Exception {
        HttpResponse<String> one = post("{\"title\":\"One\",\"body\":\"Body\",\"url\":\"https://example.org/1\","
                + "\"source\":\"spoofed\",\"id\":\"chosen\"}");
        HttpResponse<String> many = post("[{\"title\":\"Two\"},{\"body\":\"Three has only a body\"}]");

        assertThat(one.statusCode()).isEqualTo(202);
        assertThat(many.statusCode()).isEqualTo(202);
        assertThat(many.body()).contains("\"accepted\":2");
        assertThat(output.published()).extracting(Article::title).containsExactly("One", "Two", "");
        assertThat(output.published()).extracting(Article::source).containsOnly("http");
        assertThat(output.published().get(0).id()).isEqualTo(ArticleIds.idFor("https://example.org/1", null, null));
        assertThat(one.body()).contains(output.published().get(0).id());
    }

    @Test
    void shouldAnswer400WithTheReasonForBadInput() throws Exception {
        HttpResponse<String> malformed = post("{\"title\": ");
        HttpResponse<String> empty = post("{\"url\":\"https://example.org/x\"}");
        HttpResponse<String> badInArray = post("[{\"title\":\"ok\"}, 42]");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("missing title and body");
        assertThat(badInArray.statusCode()).isEqualTo(400);
        assertThat(badInArray.body()).contains("article 1: expected a JSON object");
        // A request is all or nothing: the good article of the bad array was not published.
        assertThat(output.published()).isEmpty();
    }

    @Test
    void shouldAnswer413AboveTheSizeCap() throws Exception {
        HttpResponse<String> tooLarge = post("{\"title\":\"big\",\"body\":\"" + "x".repeat(2000) + "\"}");

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("too-large");
        assertThat(output.published()).isEmpty();
    }

    @Test
    void shouldAnswer503WhenKafkaDoesNotAcknowledge() throws Exception {
        output.failing(true);

        HttpResponse<String> response = post("{\"title\":\"T\",\"body\":\"B\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("broker down");
    }

    @Test
    void shouldSayWhichPortIsTaken() {
        HttpSource second = new HttpSource(output, 1000, Clock.systemUTC(), line -> { });

        assertThatThrownBy(() -> second.start("127.0.0.1", source.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot accept HTTP pushes on 127.0.0.1:" + source.port() + ": ")
                .hasMessageEndingWith("(is the port in use?)");
    }
}
