package io.newswire.producer.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.producer.testing.Feeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @TempDir
    Path dir;

    @Test
    void shouldKeyItemsByGuidAndCleanTheirHtml() throws Exception {
        byte[] xml = Feeds.rss(Feeds.rssItem("g-1", "https://example.org/1", "One", "<p>Hello <i>world</i></p>"))
                .getBytes(StandardCharsets.UTF_8);

        FeedParser.ParsedFeed feed = parser.parse(xml);

        assertThat(feed.language()).isEqualTo("en");
        assertThat(feed.items()).containsExactly(new FeedItem("g-1", "https://example.org/1", "One", "Hello world",
                false, Instant.parse("2026-11-23T08:00:00Z")));
    }

    @Test
    void shouldKeyAnItemWithoutGuidByItsLink() throws Exception {
        String item = "<item><link>https://example.org/x</link><title>X</title><description>d</description></item>";

        List<FeedItem> items = parser.parse(Feeds.rss(item).getBytes(StandardCharsets.UTF_8)).items();

        assertThat(items).extracting(FeedItem::key).containsExactly("https://example.org/x");
    }

    @Test
    void shouldRefuseADoctypeSoNoEntityIsEverResolved() throws Exception {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:SECRET-LINE");

        assertThatThrownBy(() -> parser.parse(Feeds.xxe(secret).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("DOCTYPE is disallowed")
                .message().doesNotContain("SECRET-LINE");
    }

    @Test
    void shouldReportAMalformedFeed() {
        assertThatThrownBy(() -> parser.parse(Feeds.malformed().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class);
    }

    @Test
    void shouldBackOffExponentiallyAndHonourRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(60));
        assertThat(backoff.afterFailure(null)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.afterFailure(null)).isEqualTo(Duration.ofSeconds(240));
        assertThat(backoff.afterFailure(Duration.ofSeconds(900))).isEqualTo(Duration.ofSeconds(900));
        for (int i = 0; i < 10; i++) {
            backoff.afterFailure(null);
        }
        assertThat(backoff.afterFailure(null)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.afterSuccess()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("garbage", Instant.EPOCH)).isNull();
    }
}
