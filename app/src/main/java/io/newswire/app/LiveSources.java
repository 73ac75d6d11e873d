package io.newswire.app;

import io.newswire.common.Topics;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.fetch.AddressPolicy;
import io.newswire.producer.folder.FolderFileReader;
import io.newswire.producer.folder.FolderSource;
import io.newswire.producer.http.HttpSource;
import io.newswire.producer.rss.FeedStateStore;
import io.newswire.producer.rss.RssSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The live sources {@code demo} runs beside the seed replay, all writing {@code news.articles.raw} through
 * one publisher: the inbox folder, {@code POST /articles}, and any feeds given with {@code --feed}.
 */
public final class LiveSources implements AutoCloseable {

    /** Short enough that a dropped file shows up at once in a demo; long enough for an editor's save. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(500);

    private final ArticlePublisher publisher;
    private final FolderSource folder;
    private final HttpSource http;
    private final RssSource rss;

    private LiveSources(ArticlePublisher publisher, FolderSource folder, HttpSource http, RssSource rss) {
        this.publisher = publisher;
        this.folder = folder;
        this.http = http;
        this.rss = rss;
    }

    /**
     * Starts watching {@code inbox}, listening on {@code httpHost:httpPort} and polling {@code feeds}.
     *
     * @throws IllegalStateException when the HTTP port is taken
     */
    public static LiveSources start(Properties config, Topics topics, Path inbox, String httpHost, int httpPort,
                                    List<String> feeds, Duration feedInterval, Path rssState, AddressPolicy pageAddresses,
                                    PrintStream out)
            throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        ArticlePublisher publisher = new ArticlePublisher(config, topics.raw());
        FolderSource folder = new FolderSource(inbox, new FolderFileReader(clock), publisher, QUIET_PERIOD, clock,
                out::println);
        HttpSource http = new HttpSource(publisher, HttpSource.DEFAULT_MAX_BYTES, clock, out::println);
        RssSource rss = new RssSource(RssSource.pollers(feeds, feedInterval, new FeedStateStore(rssState), true,
                pageAddresses, publisher, clock), out::println);
        LiveSources sources = new LiveSources(publisher, folder, http, rss);
        try {
            http.start(httpHost, httpPort);
            folder.start(Duration.ofSeconds(1));
            rss.start();
        } catch (IOException | RuntimeException e) {
            sources.close();
            throw e;
        }
        return sources;
    }

    public int httpPort() {
        return http.port();
    }

    /** Stops the sources first (each even if another fails to stop), then flushes and closes the publisher. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            rss.close();
        } finally {
            try {
                folder.close();
            } finally {
                try {
                    http.close();
                } finally {
                    publisher.close();
                }
            }
        }
    }
}
