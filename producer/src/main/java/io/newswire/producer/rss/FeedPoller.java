package io.newswire.producer.rss;

import io.newswire.common.Article;
import io.newswire.producer.Acknowledgements;
import io.newswire.producer.ArticleOutput;
import io.newswire.producer.fetch.BoundedGet;
import io.newswire.producer.fulltext.FullTextFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls one RSS or Atom feed and publishes its new items to {@code news.articles.raw} (through an
 * {@link ArticleOutput}), each once: items are recognised by GUID or link, and the keys of acknowledged items
 * are saved in a {@link FeedStateStore} after Kafka acknowledged them, so a restart never re-publishes.
 * Uses a conditional GET (ETag, If-Modified-Since) and backs off on errors, honouring Retry-After.
 */
public final class FeedPoller {

    /** Source label prefix of DESIGN.md: {@code rss:<feed url>}. */
    public static final String SOURCE_PREFIX = "rss:";
    /** Feeds are kilobytes; a 5 MiB cap leaves room for the largest real ones and stops a runaway response. */
    static final long MAX_FEED_BYTES = 5L * 1024 * 1024;
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(20);
    /** Items fall off a feed long before this many newer ones appear; older keys are forgotten. */
    static final int MAX_REMEMBERED = 5000;

    private final String feedUrl;
    private final BoundedGet http;
    private final FeedParser parser;
    private final FullTextFetcher fullText;
    private final FeedStateStore store;
    private final ArticleOutput output;
    private final Clock clock;
    private final Backoff backoff;
    private FeedState state;

    /** @param fullText null to keep summaries as they are */
    public FeedPoller(String feedUrl, Duration interval, BoundedGet http, FeedParser parser, FullTextFetcher fullText,
                      FeedStateStore store, ArticleOutput output, Clock clock) {
        this.feedUrl = feedUrl;
        this.http = http;
        this.parser = parser;
        this.fullText = fullText;
        this.store = store;
        this.output = output;
        this.clock = clock;
        this.backoff = new Backoff(interval);
    }

    public String feedUrl() {
        return feedUrl;
    }

    /** Fetches the feed once, publishes what is new, waits for Kafka, remembers it. */
    public PollReport pollOnce() throws InterruptedException {
        BoundedGet.Response response;
        try {
            if (state == null) {
                state = store.load(feedUrl);
            }
            response = http.get(URI.create(feedUrl), conditionalHeaders(), MAX_FEED_BYTES, FETCH_TIMEOUT);
        } catch (IOException | IllegalArgumentException e) {
            return failed(e.getMessage(), null);
        }
        int status = response.status();
        if (status == 304) {
            return new PollReport(PollReport.Outcome.NOT_MODIFIED, 0, 0, null, backoff.afterSuccess());
        }
        if (status != 200) {
            boolean asksToWait = status == 429 || status == 503;
            return failed("HTTP " + status, asksToWait ? RetryAfter.parse(response.header("Retry-After"), clock.instant()) : null);
        }
        if (response.truncated()) {
            return failed("feed larger than " + MAX_FEED_BYTES / (1024 * 1024) + " MiB", null);
        }
        FeedParser.ParsedFeed feed;
        try {
            feed = parser.parse(response.body());
        } catch (FeedFormatException e) {
            return failed(e.getMessage(), null);
        }
        return publishNew(feed, response);
    }

    private PollReport publishNew(FeedParser.ParsedFeed feed, BoundedGet.Response response) throws InterruptedException {
        Set<String> seen = new LinkedHashSet<>(state.seen());
        List<FeedItem> fresh = new ArrayList<>();
        Set<String> inThisPoll = new LinkedHashSet<>();
        int alreadySeen = 0;
        for (FeedItem item : feed.items()) {
            if (seen.contains(item.key()) || !inThisPoll.add(item.key())) {
                alreadySeen++;
            } else {
                fresh.add(item);
            }
        }
        // Feeds list the newest first; publish the oldest first so the topic reads in the order of the news.
        Collections.reverse(fresh);
        List<Article> articles = new ArrayList<>(fresh.size());
        for (FeedItem item : fresh) {
            articles.add(toArticle(item, feed.language()));
        }
        Acknowledgements.Outcome outcome = Acknowledgements.publishAll(output, articles, Acknowledgements.DEFAULT_TIMEOUT);
        for (int i = 0; i < fresh.size(); i++) {
            if (outcome.acknowledged(i)) {
                seen.add(fresh.get(i).key());
            }
        }
        // Validators are kept only when every item made it, so a failed item is fetched again next time.
        boolean complete = outcome.allAcknowledged();
        FeedState next = new FeedState(feedUrl,
                complete ? response.header("ETag") : null,
                complete ? response.header("Last-Modified") : null,
                newest(seen));
        try {
            store.save(next);
            state = next;
        } catch (IOException e) {
            state = next;
            return failed("published " + outcome.acknowledgedCount() + " items but could not save the feed state in "
                    + store.dir() + ": " + e.getMessage(), null);
        }
        if (!complete) {
            return failed((fresh.size() - outcome.acknowledgedCount()) + " items not acknowledged by Kafka: "
                    + outcome.firstError(), null);
        }
        return new PollReport(PollReport.Outcome.NEW_CONTENT, fresh.size(), alreadySeen, null, backoff.afterSuccess());
    }

    private Article toArticle(FeedItem item, String language) throws InterruptedException {
        String body = item.text();
        if (!item.fullText() && item.link() != null && fullText != null) {
            // Only a teaser in the feed: the linked page's text if it is the longer one, else the teaser.
            String page = fullText.fetchText(item.link()).orElse("");
            if (page.length() > body.length()) {
                body = page;
            }
        }
        return Article.create(SOURCE_PREFIX + feedUrl, item.link(), item.title(), body, item.publishedAt(),
                clock.instant(), language == null ? "en" : language);
    }

    private Map<String, String> conditionalHeaders() {
        Map<String, String> headers = new HashMap<>();
        if (state.etag() != null) {
            headers.put("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            headers.put("If-Modified-Since", state.lastModified());
        }
        return headers;
    }

    private PollReport failed(String error, Duration retryAfter) {
        return new PollReport(PollReport.Outcome.FAILED, 0, 0, error, backoff.afterFailure(retryAfter));
    }

    private static List<String> newest(Set<String> seen) {
        List<String> all = new ArrayList<>(seen);
        return all.size() <= MAX_REMEMBERED ? all : all.subList(all.size() - MAX_REMEMBERED, all.size());
    }
}
