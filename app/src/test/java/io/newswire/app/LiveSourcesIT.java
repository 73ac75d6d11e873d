package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.testsupport.SharedKafka;
import io.newswire.testsupport.RawTopic;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.common.Json;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.SinkReader;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.fetch.AddressPolicy;
import io.newswire.producer.fetch.BoundedGet;
import io.newswire.producer.folder.FolderFileReader;
import io.newswire.producer.folder.FolderSource;
import io.newswire.producer.folder.ScanReport;
import io.newswire.producer.fulltext.ArticleTextExtractor;
import io.newswire.producer.fulltext.FullTextFetcher;
import io.newswire.producer.http.HttpSource;
import io.newswire.producer.rss.FeedParser;
import io.newswire.producer.rss.FeedPoller;
import io.newswire.producer.rss.FeedStateStore;
import io.newswire.producer.rss.PollReport;
import io.newswire.producer.stdin.StdinSource;
import io.newswire.streams.TopologyConfig;
import io.newswire.producer.testing.Feeds;
import io.newswire.producer.testing.TestWebServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live sources through a real in-JVM broker: each test publishes to its own {@code news.articles.raw}
 * and reads it back to its end, so counts are exact: nothing twice, nothing missed. Polls and scans are
 * driven by hand ({@code pollOnce}, {@code scanOnce}), never by waiting for an interval.
 */
class LiveSourcesIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @TempDir
    Path dir;
    private TestWebServer web;
    private Properties config;
    private String rawTopic;

    @BeforeEach
    void isolate() throws Exception {
        web = new TestWebServer();
        config = KAFKA.isolatedConfig("live");
        rawTopic = Topics.from(config).raw().name();
        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            admin.createMissingTopics(Topics.from(config).names(), 2);
        }
    }

    @AfterEach
    void stopWeb() {
        web.close();
    }

    private List<Article> raw() {
        return RawTopic.readAll(config, rawTopic, READ_TIMEOUT);
    }

    private FeedPoller poller(String feedPath, ArticlePublisher publisher) {
        BoundedGet http = new BoundedGet("newswire-test", AddressPolicy.ANY);
        return new FeedPoller(web.url(feedPath), Duration.ofSeconds(60), http, new FeedParser(),
                new FullTextFetcher(http, new ArticleTextExtractor(), FullTextFetcher.DEFAULT_MAX_BYTES,
                        FullTextFetcher.DEFAULT_TIMEOUT),
                new FeedStateStore(dir.resolve("rss")), publisher, Clock.systemUTC());
    }

    private String item(int n) {
        return Feeds.rssItem("guid-" + n, web.url("/news/" + n), "Story " + n, "<p>Teaser of story " + n + ".</p>");
    }

    @Test
    void shouldPublishEveryFeedItemExactlyOnceAcrossChangesErrorsAndARestart() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "XXE-SECRET-7f3a");
        web.serveHtml("/news/1", Feeds.articlePage("Story 1", "First paragraph of story one.",
                "Second paragraph of story one."));
        web.serveFeed("/feed.xml", Feeds.rss(item(2), item(1)), "\"v1\"");
        web.serveFeed("/atom.xml", Feeds.atom("urn:a:1", web.url("/a/1"), "Atom story", "<p>Atom body.</p>"), "\"a1\"");
        web.serveFeed("/evil.xml", Feeds.xxe(secret), null);

        List<PollReport.Outcome> outcomes = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            FeedPoller feed = poller("/feed.xml", publisher);
            FeedPoller atom = poller("/atom.xml", publisher);
            FeedPoller evil = poller("/evil.xml", publisher);
            outcomes.add(feed.pollOnce().outcome());                 // 2 new
            outcomes.add(atom.pollOnce().outcome());                 // 1 new
            outcomes.add(evil.pollOnce().outcome());                 // refused
            outcomes.add(feed.pollOnce().outcome());                 // 304
            web.serveStatus("/feed.xml", 500, Map.of());
            outcomes.add(feed.pollOnce().outcome());                 // 500
            web.serveFeed("/feed.xml", Feeds.malformed(), null);
            outcomes.add(feed.pollOnce().outcome());                 // malformed
            web.serveFeed("/feed.xml", Feeds.rss(item(3), item(2), item(1)), "\"v2\"");
            outcomes.add(feed.pollOnce().outcome());                 // 1 new, 2 repeated
        }
        // A restart: new publisher, new pollers, the same state folder.
        web.serveFeed("/feed.xml", Feeds.rss(item(4), item(3), item(2), item(1)), "\"v3\"");
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            PollReport afterRestart = poller("/feed.xml", publisher).pollOnce();
            assertThat(afterRestart.published()).isEqualTo(1);
            assertThat(afterRestart.alreadySeen()).isEqualTo(3);
            assertThat(poller("/atom.xml", publisher).pollOnce().outcome()).isEqualTo(PollReport.Outcome.NOT_MODIFIED);
        }

        assertThat(outcomes).containsExactly(PollReport.Outcome.NEW_CONTENT, PollReport.Outcome.NEW_CONTENT,
                PollReport.Outcome.FAILED, PollReport.Outcome.NOT_MODIFIED, PollReport.Outcome.FAILED,
                PollReport.Outcome.FAILED, PollReport.Outcome.NEW_CONTENT);
        List<Article> published = raw();
        assertThat(published).extracting(Article::title)
                .containsExactlyInAnyOrder("Story 1", "Story 2", "Atom story", "Story 3", "Story 4");
        assertThat(published).extracting(Article::id).doesNotHaveDuplicates();
        assertThat(published).allSatisfy(a -> {
            assertThat(Json.mapper().writeValueAsString(a)).doesNotContain("XXE-SECRET-7f3a");
            assertThat(a.source()).startsWith("rss:" + web.url("/"));
        });
        Article story1 = published.stream().filter(a -> a.title().equals("Story 1")).findFirst().orElseThrow();
        assertThat(story1.body()).isEqualTo("First paragraph of story one.\n\nSecond paragraph of story one.");
        assertThat(story1.body()).doesNotContain(Feeds.BOILERPLATE);
        assertThat(story1.id()).isEqualTo(ArticleIds.idFor(web.url("/news/1"), null, null));
    }

    @Test
    void shouldPublishEachDroppedFileOnceEvenAfterARestart() throws Exception {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        drop(inbox, "a.txt", " date 2024-10-26 Troops moved north.\nMore on the topic\nOther headline\n");
        drop(inbox, "b.json", "[{\"title\":\"J1\",\"body\":\"b\",\"url\":\"https://example.org/j1\"},"
                + "{\"title\":\"J2\",\"body\":\"b\"}]");
        drop(inbox, "c.html", Feeds.articlePage("Page story", "The page text."));
        drop(inbox, "d.json", "{not json");

        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            FolderSource source = folder(inbox, publisher);
            assertThat(source.scanOnce()).isEqualTo(new ScanReport(3, 1, 0, 4));
            assertThat(source.scanOnce()).isEqualTo(new ScanReport(0, 0, 0, 0));
        }
        // A restart with the processed files still on disk, and one new file.
        drop(inbox, "e.txt", "Fresh news after the restart.\nBody.\n");
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            assertThat(folder(inbox, publisher).scanOnce()).isEqualTo(new ScanReport(1, 0, 0, 1));
        }

        List<Article> published = raw();
        assertThat(published).extracting(Article::title).containsExactlyInAnyOrder(
                "Troops moved north.", "J1", "J2", "Page story", "Fresh news after the restart.");
        assertThat(published).extracting(Article::source).containsOnly("folder");
        assertThat(published.stream().filter(a -> a.title().equals("Page story")).findFirst().orElseThrow().body())
                .isEqualTo("The page text.");
        try (var processed = Files.list(inbox.resolve(FolderSource.PROCESSED))) {
            assertThat(processed.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("a.txt", "b.json", "c.html", "e.txt");
        }
        assertThat(Files.readString(inbox.resolve("failed/d.json.reason.txt"))).startsWith("malformed JSON");
    }

    private FolderSource folder(Path inbox, ArticlePublisher publisher) {
        return new FolderSource(inbox, new FolderFileReader(Clock.systemUTC()), publisher, Duration.ofSeconds(1),
                Clock.systemUTC(), line -> { });
    }

    private static void drop(Path folder, String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void shouldAnswer202OnlyOnceKafkaHoldsTheArticles() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw());
             HttpSource http = new HttpSource(publisher, 4096, Clock.systemUTC(), line -> { }).start("127.0.0.1", 0)) {
            URI articles = URI.create("http://127.0.0.1:" + http.port() + "/articles");

            HttpResponse<String> one = post(client, articles, "{\"title\":\"Pushed\",\"body\":\"Over HTTP\"}");
            // By the time 202 arrives the article is on the topic.
            assertThat(one.statusCode()).isEqualTo(202);
            assertThat(RawTopic.count(config, rawTopic)).isEqualTo(1);

            HttpResponse<String> two = post(client, articles, "[{\"title\":\"P2\"},{\"title\":\"P3\"}]");
            assertThat(two.statusCode()).isEqualTo(202);
            assertThat(RawTopic.count(config, rawTopic)).isEqualTo(3);

            assertThat(post(client, articles, "{\"title\":").statusCode()).isEqualTo(400);
            assertThat(post(client, articles, "{\"language\":\"en\"}").statusCode()).isEqualTo(400);
            assertThat(post(client, articles, "{\"title\":\"" + "x".repeat(5000) + "\"}").statusCode()).isEqualTo(413);
        }

        assertThat(raw()).extracting(Article::title).containsExactlyInAnyOrder("Pushed", "P2", "P3");
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldPublishTheGoodLinesOfStdin() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String lines = "{\"title\":\"L1\",\"body\":\"b\"}\n{broken\n{\"title\":\"L3\",\"body\":\"b\"}\n";
        StdinSource.Result result;
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            result = new StdinSource(publisher, Clock.systemUTC()).run(new BufferedReader(new StringReader(lines)),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }

        assertThat(result).isEqualTo(new StdinSource.Result(2, 1, 0));
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("line 2: malformed JSON");
        assertThat(raw()).extracting(Article::title).containsExactlyInAnyOrder("L1", "L3");
    }

    /** What {@code demo} runs: a dropped file, an HTTP push and a feed item all reach the sink. */
    @Test
    void shouldCarryLiveArticlesIntoTheSink() throws Exception {
        TopologyConfig topology = Components.topologyConfig(config);
        String sink = dir.resolve("newswire.db").toString();
        web.serveFeed("/live.xml", Feeds.rss(Feeds.rssItem("live-1", web.url("/live/1"), "Feed story",
                "<p>North Korean troops are reported in Kursk.</p>")), "\"l1\"");
        Path inbox = dir.resolve("inbox");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        try (Pipeline pipeline = new Pipeline(config, topology, dir.resolve("state"), sink, batch -> { });
             SinkReader reader = new SinkReader(sink)) {
            pipeline.start(Duration.ofSeconds(60));
            try (LiveSources live = LiveSources.start(config, topology.topics(), inbox, "127.0.0.1", 0,
                    List.of(web.url("/live.xml")), Duration.ofSeconds(60), dir.resolve("rss"), AddressPolicy.ANY,
                    new PrintStream(console, true, StandardCharsets.UTF_8))) {
                Files.writeString(inbox.resolve(".drop.json.tmp"),
                        "{\"title\":\"Dropped story\",\"body\":\"Seoul said troops moved.\",\"url\":\"https://example.org/dropped\"}");
                // Written under a dot-name, then renamed: the way to hand a file over complete.
                Files.move(inbox.resolve(".drop.json.tmp"), inbox.resolve("drop.json"));
                HttpResponse<String> pushed = post(HttpClient.newHttpClient(),
                        URI.create("http://127.0.0.1:" + live.httpPort() + "/articles"),
                        "{\"title\":\"Pushed story\",\"body\":\"Pyongyang denied it.\",\"url\":\"https://example.org/pushed\"}");
                assertThat(pushed.statusCode()).isEqualTo(202);

                List<String> ids = List.of(ArticleIds.idFor("https://example.org/dropped", null, null),
                        ArticleIds.idFor("https://example.org/pushed", null, null),
                        ArticleIds.idFor(web.url("/live/1"), null, null));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> reader.countArticles(ids) == 3);
            }
            assertThat(pipeline.failure()).isNull();
        }
        assertThat(RawTopic.count(config, rawTopic)).isEqualTo(3);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("folder: published 1 article from drop.json",
                "http: published 1 article: Pushed story", "rss " + web.url("/live.xml") + ": 1 new");
    }
}
