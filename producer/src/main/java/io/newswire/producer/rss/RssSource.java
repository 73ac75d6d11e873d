package io.newswire.producer.rss;

import io.newswire.producer.ArticleOutput;
import io.newswire.producer.fetch.AddressPolicy;
import io.newswire.producer.fetch.BoundedGet;
import io.newswire.producer.fulltext.ArticleTextExtractor;
import io.newswire.producer.fulltext.FullTextFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link FeedPoller}s on a schedule: each feed is polled at once, then again after the delay its last
 * poll asked for (the interval, or a backoff). One thread: feeds are few and polls are short.
 */
public final class RssSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RssSource.class);
    private static final String USER_AGENT = "newswire/0.1 (news ingestion; RSS poller)";

    private final List<FeedPoller> pollers;
    private final Consumer<String> report;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "newswire-rss");
        thread.setDaemon(true);
        return thread;
    });

    /** @param report receives one line per poll, for the console */
    public RssSource(List<FeedPoller> pollers, Consumer<String> report) {
        this.pollers = List.copyOf(pollers);
        this.report = report;
    }

    /**
     * Pollers for the given feed URLs, sharing one HTTP client.
     *
     * @param fullText whether to fetch the linked page of items that carry only a summary
     * @param pageAddresses which hosts the linked pages may be fetched from ({@link AddressPolicy#PUBLIC_ONLY}
     *                      unless the feeds link to an intranet); the feeds themselves are the user's choice
     * @throws IllegalArgumentException when a URL is not an absolute http or https URL
     */
    public static List<FeedPoller> pollers(List<String> feedUrls, Duration interval, FeedStateStore store,
                                           boolean fullText, AddressPolicy pageAddresses, ArticleOutput output,
                                           Clock clock) {
        BoundedGet http = new BoundedGet(USER_AGENT, AddressPolicy.ANY);
        BoundedGet pageHttp = new BoundedGet(USER_AGENT, pageAddresses);
        FullTextFetcher pages = fullText ? new FullTextFetcher(pageHttp, new ArticleTextExtractor(),
                FullTextFetcher.DEFAULT_MAX_BYTES, FullTextFetcher.DEFAULT_TIMEOUT) : null;
        List<FeedPoller> pollers = new ArrayList<>();
        checkUrls(feedUrls);
        for (String url : feedUrls) {
            pollers.add(new FeedPoller(url, interval, http, new FeedParser(), pages, store, output, clock));
        }
        return pollers;
    }

    /** @throws IllegalArgumentException naming the first URL that is not an absolute http or https URL */
    public static void checkUrls(List<String> feedUrls) {
        for (String url : feedUrls) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a feed URL: " + url);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) feed URL: " + url);
            }
        }
    }

    public void start() {
        for (FeedPoller poller : pollers) {
            scheduler.execute(() -> pollAndReschedule(poller));
        }
    }

    private void pollAndReschedule(FeedPoller poller) {
        Duration next;
        try {
            PollReport result = poller.pollOnce();
            if (result.outcome() != PollReport.Outcome.NOT_MODIFIED || LOG.isDebugEnabled()) {
                report.accept(result.describe(poller.feedUrl()));
            }
            next = result.nextPollIn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            // A bug in one feed's handling must not end the polling of all feeds.
            LOG.error("polling {} failed", poller.feedUrl(), e);
            report.accept("rss " + poller.feedUrl() + ": " + e);
            next = Duration.ofMinutes(1);
        }
        try {
            scheduler.schedule(() -> pollAndReschedule(poller), next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: no next poll.
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(15, TimeUnit.SECONDS);
    }
}
