package io.newswire.app.cli;

import io.newswire.app.ops.Health;
import io.newswire.app.ops.OpsServer;
import io.newswire.app.AppPaths;
import io.newswire.common.Topics;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.fetch.AddressPolicy;
import io.newswire.producer.rss.FeedPoller;
import io.newswire.producer.rss.FeedStateStore;
import io.newswire.producer.rss.PollReport;
import io.newswire.producer.rss.RssSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Polls RSS/Atom feeds into {@code news.articles.raw}, each new item once, across restarts too. */
@Command(name = "rss", mixinStandardHelpOptions = true,
        description = "Poll RSS 2.0 / Atom feeds and publish each new item once.")
public final class ProduceRssCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "feed URLs (http or https)")
    List<String> feeds;

    @Option(names = "--interval", defaultValue = "60", paramLabel = "SECONDS",
            description = "seconds between polls of a feed (default ${DEFAULT-VALUE}); longer after errors")
    long intervalSeconds;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where published items are remembered per feed (default: data/rss)")
    Path stateDir;

    @Option(names = "--no-full-text", negatable = false,
            description = "keep an item's summary instead of fetching the linked page's text")
    boolean noFullText;

    @Option(names = "--allow-private-fetch",
            description = "let items link to pages on loopback, private and link-local addresses (intranets); "
                    + "by default such full-text fetches are refused, on every redirect too")
    boolean allowPrivateFetch;

    @Option(names = "--once", description = "poll each feed once and exit (1 if a feed failed)")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("--interval must be at least 1 second");
        }
        // A mistyped URL is reported at once, not after waiting for Kafka.
        RssSource.checkUrls(feeds);
        PrintStream out = System.out;
        Properties config = kafka.reachableClientConfig(out);
        FeedStateStore store = new FeedStateStore(stateDir != null ? stateDir : AppPaths.rssStateDir());
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            List<FeedPoller> pollers = RssSource.pollers(feeds, Duration.ofSeconds(intervalSeconds), store,
                    !noFullText, allowPrivateFetch ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY, publisher, Clock.systemUTC());
            if (once) {
                boolean ok = true;
                for (FeedPoller poller : pollers) {
                    PollReport report = poller.pollOnce();
                    out.println(report.describe(poller.feedUrl()));
                    ok &= report.outcome() != PollReport.Outcome.FAILED;
                }
                return ok ? 0 : 1;
            }
            StopSignal stop = StopSignal.onCtrlC();
            try (OpsServer ops = metrics.start(); RssSource source = new RssSource(pollers, out::println)) {
                source.start();
                ops.bind(publisher::clientMetrics)
                        .check("source", () -> Health.ready("polling " + pollers.size() + " feed(s)"));
                out.printf("polling %d feed(s) every %d s; state in %s — Ctrl-C to stop%n", pollers.size(),
                        intervalSeconds, store.dir());
                stop.await();
            } finally {
                stop.done();
            }
        }
        return 0;
    }
}
