package io.newswire.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.EntityMention;
import io.newswire.common.Json;
import io.newswire.common.Quantity;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkBatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's HTTP API over real HTTP, against a SQLite sink filled through {@link JdbcSink}. */
class DashboardServerTest {

    private static final Instant NOW = Instant.parse("2024-11-05T12:00:00Z");
    private static final String HTML_TITLE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;
    private JdbcSink sink;
    private DashboardServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    @BeforeEach
    void startServerOnAFilledSink() {
        String sinkUrl = dir.resolve("newswire.db").toString();
        sink = JdbcSink.open(sinkUrl);
        sink.write(new SinkBatch(List.of(
                summary("troop-deployments", "2024-11-05", 2), summary("troop-deployments", "2024-11-01", 1),
                summary("sanctions", "2024-11-05", 1), summary("sanctions", "2024-10-30", 7)),
                List.of(
                        article("a1", "11,000 North Korean soldiers in Kursk", "2024-11-05", "troop-deployments",
                                new Quantity(11_000, "soldiers", "11,000 soldiers"), "2024-11-05T10:00:00Z"),
                        article("a2", "Pentagon: 12,000 troops", "2024-11-05", "troop-deployments",
                                new Quantity(12_000, "soldiers", "12,000 soldiers"), "2024-11-05T11:00:00Z"),
                        article("a3", HTML_TITLE, "2024-11-05", "sanctions", null, "2024-11-05T09:00:00Z")),
                Map.of(new TopicPartition(Topics.TAGGED, 0), 3L)));
        server = new DashboardServer(sinkUrl, null, Topics.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        sink.close();
    }

    @Test
    void shouldReportHealthAndWhatTheSinkHolds() throws Exception {
        JsonNode health = json("/api/health");

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("sink").asText()).isEqualTo("sqlite");
        assertThat(health.get("articles").asLong()).isEqualTo(3);
        assertThat(health.get("latestDay").asText()).isEqualTo("2024-11-05");
    }

    @Test
    void shouldRankTopicsOnTodayAgainstTheirTrailingWeek() throws Exception {
        JsonNode ranking = json("/api/topics");

        assertThat(ranking.get("today").asText()).isEqualTo("2024-11-05");
        assertThat(ranking.get("day").asText()).isEqualTo("2024-11-05");
        assertThat(ranking.get("firstDay").asText()).isEqualTo("2024-10-30");
        JsonNode first = ranking.get("topics").get(0);
        assertThat(first.get("id").asText()).isEqualTo("troop-deployments");
        assertThat(first.get("count").asLong()).isEqualTo(2);
        JsonNode sanctions = ranking.get("topics").get(1);
        assertThat(sanctions.get("trailingAverage").asDouble()).isEqualTo(1.0);
        assertThat(sanctions.get("change").asDouble()).isEqualTo(0.0);
        assertThat(first.get("sparkline")).hasSize(14);
    }

    @Test
    void shouldZeroFillATopicsDaysOverTheAskedRange() throws Exception {
        JsonNode days = json("/api/topics/troop-deployments/days?from=2024-11-01&to=2024-11-05").get("days");

        assertThat(days).hasSize(5);
        assertThat(days.get(0).get("articleCount").asLong()).isEqualTo(1);
        assertThat(days.get(2).get("articleCount").asLong()).isZero();
        assertThat(days.get(4).get("day").asText()).isEqualTo("2024-11-05");
        assertThat(days.get(4).get("articleCount").asLong()).isEqualTo(2);
    }

    @Test
    void shouldChartEveryTopicOverTheSpanOfTheDataByDefault() throws Exception {
        JsonNode series = json("/api/days");

        assertThat(series.get("from").asText()).isEqualTo("2024-10-30");
        assertThat(series.get("to").asText()).isEqualTo("2024-11-05");
        assertThat(series.get("days")).hasSize(7);
        assertThat(series.get("series")).hasSize(2);
    }

    @Test
    void shouldListArticlesByTopicAndDayNewestFirstWithTheirTitlesAsData() throws Exception {
        JsonNode troops = json("/api/articles?topic=troop-deployments&day=2024-11-05");
        JsonNode all = json("/api/articles");

        assertThat(troops).extracting(a -> a.get("id").asText()).containsExactly("a2", "a1");
        assertThat(all).hasSize(3);
        assertThat(all.get(2).get("title").asText()).as("stored and served as text, unchanged").isEqualTo(HTML_TITLE);
        assertThat(json("/api/articles?topic=troop").size()).as("an exact topic match, not a prefix").isZero();
    }

    @Test
    void shouldServeOneArticleWithItsBodyOr404() throws Exception {
        JsonNode detail = json("/api/articles/a1");

        assertThat(detail.get("body").asText()).contains("Kursk");
        assertThat(detail.get("article").get("daySource").asText()).isEqualTo("published");
        assertThat(detail.get("quantities").get(0).get("value").asDouble()).isEqualTo(11_000);
        assertThat(get("/api/articles/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldPutConflictingClaimsOfATopicSideBySide() throws Exception {
        JsonNode topic = json("/api/topics/troop-deployments");

        assertThat(topic.get("total").asLong()).isEqualTo(3);
        assertThat(topic.get("entities").get(0).get("id").asText()).isEqualTo("north-korea");
        JsonNode conflict = topic.get("conflicts").get(0);
        assertThat(conflict.get("unit").asText()).isEqualTo("soldiers");
        assertThat(conflict.get("claims")).extracting(c -> c.get("value").asLong()).containsExactly(11_000L, 12_000L);
        assertThat(get("/api/topics/unknown-topic").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseMalformedParametersWith400() throws Exception {
        assertThat(get("/api/topics?day=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/api/articles?limit=100000").statusCode()).isEqualTo(400);
        assertThat(get("/api/days?from=2024-13-01").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldServeThePageWithAStrictContentSecurityPolicyAndOnlyLocalScripts() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").doesNotContain("unsafe-eval");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(scripts.group(1));
            assertThat(src.find()).as("no inline script: " + scripts.group()).isTrue();
            assertThat(src.group(1)).startsWith("/");
            assertThat(get(src.group(1)).statusCode()).as(src.group(1) + " is served from the jar").isEqualTo(200);
        }
        assertThat(count).isEqualTo(2);
    }

    @Test
    void shouldPushASinkEventToOpenPagesAfterAWrite() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        // Javalin answers an SSE route only to a request that accepts an event stream, as EventSource does.
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .header("Accept", "text/event-stream").build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: hello"));

        server.afterWrite(new SinkBatch(List.of(summary("sanctions", "2024-11-05", 2)), List.of(), Map.of()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(lines).contains("event: sink");
            assertThat(lines).anyMatch(l -> l.startsWith("data: ") && l.contains("\"topic\":\"sanctions\""));
        });
    }

    @Test
    void shouldShowAnEntitysArticlesTopicsAndDaysPageByPage() throws Exception {
        JsonNode entity = json("/api/entities/north-korea?limit=2");

        assertThat(entity.get("name").asText()).isEqualTo("North Korea");
        assertThat(entity.get("type").asText()).isEqualTo("country");
        assertThat(entity.get("total").asLong()).isEqualTo(3);
        assertThat(entity.get("days")).extracting(d -> d.get("articleCount").asLong()).containsExactly(3L);
        assertThat(entity.get("topics")).extracting(t -> t.get("id").asText() + "=" + t.get("articles").asLong())
                .containsExactly("troop-deployments=2", "sanctions=1");
        JsonNode first = entity.get("page");
        assertThat(first.get("articles")).extracting(a -> a.get("id").asText()).containsExactly("a2", "a1");
        assertThat(first.get("more").asBoolean()).isTrue();
        JsonNode second = json("/api/entities/north-korea?offset=2&limit=2").get("page");
        assertThat(second.get("articles")).extracting(a -> a.get("id").asText()).containsExactly("a3");
        assertThat(second.get("more").asBoolean()).isFalse();
    }

    @Test
    void shouldZeroFillAnEntitysDaysAndMatchItsIdExactly() throws Exception {
        sink.write(new SinkBatch(List.of(), List.of(
                withEntity(article("k1", "Kursk front", "2024-11-01", "war-in-ukraine", null, "2024-11-01T10:00:00Z")),
                withEntity(article("k2", "Kursk again", "2024-11-03", "war-in-ukraine", null, "2024-11-03T10:00:00Z")),
                withEntity(article("k3", "Kursk from a wrong clock", "9999-12-31", "war-in-ukraine", null,
                        "2024-11-04T10:00:00Z"))),
                Map.of()));

        JsonNode kursk = json("/api/entities/kursk");

        assertThat(kursk.get("firstDay").asText()).isEqualTo("2024-11-01");
        assertThat(kursk.get("latestDay").asText()).as("a day after tomorrow is no day").isEqualTo("2024-11-03");
        assertThat(kursk.get("days")).extracting(d -> d.get("articleCount").asLong()).containsExactly(1L, 0L, 1L);
        assertThat(get("/api/entities/kurs").statusCode()).as("a prefix is not the entity").isEqualTo(404);
        assertThat(get("/api/entities/kurs%25").statusCode()).as("% is no wildcard").isEqualTo(404);
        assertThat(get("/api/entities/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldNeverAnswerWithAnIdAsMarkup() throws Exception {
        for (String path : List.of("/api/entities/", "/api/topics/", "/api/articles/")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(base + path + "%3Cscript%3Ealert(1)%3C%2Fscript%3E"))
                    .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(path + " answers " + response.body()).doesNotContain("html");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void shouldSearchTitlesForEveryWordIgnoringCaseAndTakingWildcardsAndQuotesAsText() throws Exception {
        assertThat(json("/api/search?q=korean%20SOLDIERS").get("page").get("articles"))
                .extracting(a -> a.get("id").asText()).containsExactly("a1");
        assertThat(json("/api/search?q=12%2C000%20pentagon").get("total").asLong()).isEqualTo(1);
        assertThat(json("/api/search?q=%3Cimg").get("page").get("articles").get(0).get("title").asText())
                .isEqualTo(HTML_TITLE);
        assertThat(json("/api/search?q=%25").get("total").asLong()).as("%% is no wildcard").isZero();
        assertThat(json("/api/search?q=_").get("total").asLong()).as("_ is no wildcard").isZero();
        assertThat(json("/api/search?q=%27%20OR%201%3D1%20--").get("total").asLong()).isZero();
        assertThat(json("/api/search?q=").get("total").asLong()).isZero();
        assertThat(get("/api/search?q=" + "x".repeat(201)).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldPageSearchResultsAndCountThem() throws Exception {
        JsonNode first = json("/api/search?q=o&limit=2");
        JsonNode second = json("/api/search?q=o&limit=2&offset=2");

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("cap").asInt()).isEqualTo(1000);
        assertThat(first.get("page").get("articles")).extracting(a -> a.get("id").asText()).containsExactly("a2", "a1");
        assertThat(first.get("page").get("more").asBoolean()).isTrue();
        assertThat(second.get("page").get("articles")).extracting(a -> a.get("id").asText()).containsExactly("a3");
        assertThat(second.get("page").get("more").asBoolean()).isFalse();
    }

    @Test
    void shouldPageTheLatestArticlesWithinBounds() throws Exception {
        assertThat(json("/api/articles?offset=1&limit=1")).extracting(a -> a.get("id").asText()).containsExactly("a1");
        assertThat(json("/api/articles?topic=troop-deployments&offset=1")).extracting(a -> a.get("id").asText())
                .containsExactly("a1");
        assertThat(get("/api/articles?offset=-1").statusCode()).isEqualTo(400);
        assertThat(get("/api/articles?offset=10001").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=o&offset=many").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldExposePrometheusMetricsOfTheSinkWrites() throws Exception {
        server.afterWrite(new SinkBatch(List.of(summary("sanctions", "2024-11-05", 2)),
                List.of(article("a4", "t", "2024-11-05", "sanctions", null, "2024-11-05T11:59:00Z")), Map.of()));

        String metrics = get("/metrics").body();

        assertThat(metrics).contains("newswire_records_out_total{table=\"articles\"} 1.0");
        assertThat(metrics).contains("newswire_end_to_end_latency_seconds_count 1");
        assertThat(metrics).contains("newswire_end_to_end_latency_seconds_bucket");
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static TopicDaySummary summary(String topic, String day, long count) {
        return new TopicDaySummary(1, topic, day, count, 1, List.of(), List.of(), NOW, NOW);
    }

    /** The same article naming Kursk instead of North Korea. */
    private static TaggedArticle withEntity(TaggedArticle a) {
        return new TaggedArticle(1, a.id(), a.source(), a.url(), a.title(), a.body(), a.publishedAt(), a.ingestedAt(),
                a.language(), a.day(), a.daySource(), a.topics(), List.of(new EntityMention("kursk", "Kursk", "place", 2)),
                a.keyphrases(), a.quantities(), null, null);
    }

    private static TaggedArticle article(String id, String title, String day, String topic, Quantity quantity,
                                         String ingestedAt) {
        return new TaggedArticle(1, id, "seed", null, title, title + ". North Korea sent troops to Kursk.",
                Instant.parse(day + "T00:00:00Z"), Instant.parse(ingestedAt), "en", day, "published",
                List.of(new TopicScore(topic, 1.0)),
                List.of(new EntityMention("north-korea", "North Korea", "country", 1)), List.of("troops"),
                quantity == null ? List.of() : List.of(quantity), null, null);
    }
}
