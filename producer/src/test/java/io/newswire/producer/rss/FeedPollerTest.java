package io.newswire.producer.rss;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.producer.fetch.AddressPolicy;
import io.newswire.producer.fetch.BoundedGet;
import io.newswire.producer.fulltext.ArticleTextExtractor;
import io.newswire.producer.fulltext.FullTextFetcher;
import io.newswire.producer.testing.Feeds;
import io.newswire.producer.testing.RecordingOutput;
import io.newswire.producer.testing.TestWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One feed polled again and again while it changes; Kafka replaced by a list. */
class FeedPollerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration INTERVAL = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private TestWebServer web;
    private final RecordingOutput output = new RecordingOutput();

    @BeforeEach
    void startServer() throws Exception {
        web = new TestWebServer();
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    private FeedPoller poller(String path) {
        BoundedGet http = new BoundedGet("test", AddressPolicy.ANY);
        FullTextFetcher pages = new FullTextFetcher(http, new ArticleTextExtractor(), 1024 * 1024, Duration.ofSeconds(5));
        return new FeedPoller(web.url(path), INTERVAL, http, new FeedParser(), pages,
                new FeedStateStore(dir.resolve("rss")), output, CLOCK);
    }

    private String item(String n) {
        return Feeds.rssItem("guid-" + n, web.url("/news/" + n), "Story " + n, "<p>Summary of <b>story " + n + "</b>.</p>");
    }

    @Test
    void shouldPublishEachNewItemOnceAcrossChangesErrorsAndRestarts() throws Exception {
        web.serveHtml("/news/1", Feeds.articlePage("Story 1", "The full first paragraph of story one.",
                "A second paragraph with more detail about story one."));
        web.serveFeed("/feed", Feeds.rss(item("2"), item("1")), "\"v1\"");
        FeedPoller poller = poller("/feed");

        PollReport first = poller.pollOnce();
        assertThat(first.outcome()).isEqualTo(PollReport.Outcome.NEW_CONTENT);
        assertThat(first.published()).isEqualTo(2);
        assertThat(first.nextPollIn()).isEqualTo(INTERVAL);
        assertThat(output.published()).extracting(Article::title).containsExactly("Story 1", "Story 2");

        // Unchanged feed: the ETag comes back, the server answers 304.
        assertThat(poller.pollOnce().outcome()).isEqualTo(PollReport.Outcome.NOT_MODIFIED);
        assertThat(web.requests().get(web.requests().size() - 1).ifNoneMatch()).isEqualTo("\"v1\"");

        web.serveStatus("/feed", 500, Map.of());
        PollReport failed = poller.pollOnce();
        assertThat(failed.outcome()).isEqualTo(PollReport.Outcome.FAILED);
        assertThat(failed.nextPollIn()).isEqualTo(INTERVAL.multipliedBy(2));
        assertThat(poller.pollOnce().nextPollIn()).isEqualTo(INTERVAL.multipliedBy(4));

        web.serveFeed("/feed", Feeds.malformed(), "\"broken\"");
        assertThat(poller.pollOnce().error()).contains("not a readable RSS or Atom feed");

        // Items 1 and 2 repeated, 3 new.
        web.serveFeed("/feed", Feeds.rss(item("3"), item("2"), item("1")), "\"v2\"");
        PollReport third = poller.pollOnce();
        assertThat(third.published()).isEqualTo(1);
        assertThat(third.alreadySeen()).isEqualTo(2);
        assertThat(third.nextPollIn()).isEqualTo(INTERVAL);

        // A restart: a new poller on the same state folder publishes nothing it published before.
        web.serveFeed("/feed", Feeds.rss(item("4"), item("3"), item("2"), item("1")), "\"v3\"");
        PollReport afterRestart = poller("/feed").pollOnce();
        assertThat(afterRestart.published()).isEqualTo(1);
        assertThat(afterRestart.alreadySeen()).isEqualTo(3);

        assertThat(output.published()).extracting(Article::title)
                .containsExactly("Story 1", "Story 2", "Story 3", "Story 4");
        assertThat(output.published()).extracting(Article::source).containsOnly("rss:" + web.url("/feed"));
        assertThat(output.published()).extracting(Article::language).containsOnly("en");
        assertThat(output.published()).extracting(Article::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldReplaceASummaryWithTheLinkedPagesTextWithoutBoilerplate() throws Exception {
        web.serveHtml("/news/1", Feeds.articlePage("Story 1", "The full first paragraph of story one.",
                "A second paragraph with more detail about story one."));
        web.serveFeed("/feed", Feeds.rss(item("1"), item("2")), null);

        poller("/feed").pollOnce();

        Article withPage = output.published().stream().filter(a -> a.title().equals("Story 1")).findFirst().orElseThrow();
        assertThat(withPage.body()).isEqualTo("The full first paragraph of story one.\n\n"
                + "A second paragraph with more detail about story one.");
        assertThat(withPage.body()).doesNotContain(Feeds.BOILERPLATE);
        assertThat(withPage.url()).isEqualTo(web.url("/news/1"));
        assertThat(withPage.publishedAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        // The page of story 2 is a 404: its summary stays, cleaned of HTML.
        Article summaryOnly = output.published().stream().filter(a -> a.title().equals("Story 2")).findFirst().orElseThrow();
        assertThat(summaryOnly.body()).isEqualTo("Summary of story 2.");
    }

    @Test
    void shouldReadAtomWithItsFullContent() throws Exception {
        web.serveFeed("/atom", Feeds.atom("urn:test:entry-1", web.url("/a/1"), "Atom story",
                "<p>First paragraph.</p><p>Second &amp; last.</p>"), "\"a1\"");

        PollReport report = poller("/atom").pollOnce();

        assertThat(report.published()).isEqualTo(1);
        Article article = output.published().get(0);
        assertThat(article.body()).isEqualTo("First paragraph.\n\nSecond & last.");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-11-22T07:30:00Z"));
        // Full content in the feed: the linked page (a 404 here) is not fetched.
        assertThat(web.requests()).extracting(TestWebServer.Request::path).containsExactly("/atom");
    }

    @Test
    void shouldNeverReadALocalFileThroughAnExternalEntity() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        web.serveFeed("/evil", Feeds.xxe(secret), null);

        PollReport report = poller("/evil").pollOnce();

        assertThat(report.outcome()).isEqualTo(PollReport.Outcome.FAILED);
        assertThat(report.error()).doesNotContain("TOP-SECRET-CONTENT");
        assertThat(output.published()).isEmpty();
    }

    @Test
    void shouldWaitAsLongAsRetryAfterAsks() throws Exception {
        web.serveStatus("/busy", 429, Map.of("Retry-After", "600"));
        assertThat(poller("/busy").pollOnce().nextPollIn()).isEqualTo(Duration.ofSeconds(600));

        web.serveStatus("/down", 503, Map.of("Retry-After", "Mon, 23 Nov 2026 10:30:00 GMT"));
        assertThat(poller("/down").pollOnce().nextPollIn()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shouldPublishAgainWhatKafkaDidNotAcknowledge() throws Exception {
        web.serveFeed("/feed", Feeds.rss(item("1")), "\"v1\"");
        FeedPoller poller = poller("/feed");
        output.failing(true);
        assertThat(poller.pollOnce().outcome()).isEqualTo(PollReport.Outcome.FAILED);

        output.failing(false);
        PollReport retry = poller.pollOnce();

        // No 304 despite the same ETag: validators are kept only when every item made it.
        assertThat(retry.published()).isEqualTo(1);
        assertThat(output.published()).hasSize(1);
    }
}
