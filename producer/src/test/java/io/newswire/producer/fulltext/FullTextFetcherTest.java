package io.newswire.producer.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.producer.fetch.AddressPolicy;
import io.newswire.producer.fetch.BoundedGet;
import io.newswire.producer.testing.Feeds;
import io.newswire.producer.testing.TestWebServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The caps of the full-text fetch: a page that is too slow, too large or not HTML gives no text. */
class FullTextFetcherTest {

    private TestWebServer web;

    @BeforeEach
    void start() throws Exception {
        web = new TestWebServer();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private FullTextFetcher fetcher(long maxBytes, Duration timeout) {
        return new FullTextFetcher(new BoundedGet("test", AddressPolicy.ANY), new ArticleTextExtractor(),
                maxBytes, timeout);
    }

    @Test
    void shouldGiveUpOnAPageThatTricklesPastTheTimeCap() throws Exception {
        web.serveSlowly("/slow", Feeds.articlePage("Slow", "Text that arrives too late."), Duration.ofSeconds(5));

        assertThat(fetcher(1024 * 1024, Duration.ofMillis(500)).fetchText(web.url("/slow"))).isEmpty();
    }

    @Test
    void shouldReadOnlyUpToTheSizeCap() throws Exception {
        String page = "<html><body><article><p>Kept paragraph.</p><p>" + "filler ".repeat(2000)
                + "</p><p>Paragraph past the cap.</p></article></body></html>";
        web.serveHtml("/big", page);

        String text = fetcher(4096, Duration.ofSeconds(5)).fetchText(web.url("/big")).orElseThrow();

        assertThat(text).startsWith("Kept paragraph.").doesNotContain("Paragraph past the cap.");
        assertThat(text.length()).isLessThan(4096);
    }

    @Test
    void shouldIgnoreWhatIsNotAnHtmlPage() throws Exception {
        web.serve("/file.pdf", new TestWebServer.Reply(200, "application/pdf", "%PDF-1.7", Map.of()));
        web.serveStatus("/gone", 410, Map.of());

        FullTextFetcher fetcher = fetcher(1024 * 1024, Duration.ofSeconds(5));

        assertThat(fetcher.fetchText(web.url("/file.pdf"))).isEmpty();
        assertThat(fetcher.fetchText(web.url("/gone"))).isEmpty();
        assertThat(fetcher.fetchText("file:///etc/passwd")).isEmpty();
    }
}
