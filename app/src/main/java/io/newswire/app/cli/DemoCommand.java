package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.app.Components;
import io.newswire.app.DashboardService;
import io.newswire.app.LiveSources;
import io.newswire.app.Pipeline;
import io.newswire.app.broker.EmbeddedBroker;
import io.newswire.app.demo.NewsMonth;
import io.newswire.app.kafka.DeadLetterKeys;
import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.app.ops.OpsServer;
import io.newswire.common.Article;
import io.newswire.common.http.RequestGuard;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.common.lifecycle.ServiceGroup;
import io.newswire.dashboard.DashboardServer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkReader;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.SeedReplay;
import io.newswire.producer.fetch.AddressPolicy;
import io.newswire.producer.http.HttpSource;
import io.newswire.producer.seeds.SeedParser;
import io.newswire.producer.seeds.SeedReader;
import io.newswire.streams.TopologyConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline on one machine: the embedded broker, the topics, the seed replay and a generated month
 * of news ({@link NewsMonth}; not with {@code --seeds-only}, nor with {@code --once} unless {@code --days} is
 * given), Streams and the sink consumer; prints the per-topic per-day table (today's rows only after a
 * month); runs until Ctrl-C, or with {@code --once} exits as soon as every replayed article is in the sink.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on an embedded Kafka broker, replaying the seeds and a generated month of news.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    TaggerOptions tagger;

    @Mixin
    ModelOptions model;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "port of the embedded broker (default ${DEFAULT-VALUE}); the controller uses the next one")
    int kafkaPort;

    @Option(names = "--once", description = "exit 0 as soon as every replayed article has reached the sink")
    boolean once;

    @Option(names = "--seeds", paramLabel = "DIR", description = "seed folder to replay (default: seeds/)")
    Path seeds;

    @Option(names = "--sink", paramLabel = "PATH|JDBC-URL", description = "SQLite file or jdbc:postgresql://… (default: data/newswire.db)")
    String sink;

    @Option(names = "--timeout", defaultValue = "120", description = "with --once, give up after this many seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--push-port", defaultValue = "" + HttpSource.DEFAULT_PORT,
            description = "port of POST /articles while the demo runs (default ${DEFAULT-VALUE}; 127.0.0.1 only)")
    int pushPort;

    @Option(names = "--feed", paramLabel = "URL", description = "an RSS/Atom feed to poll while the demo runs (repeatable)")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--allow-private-fetch",
            description = "let --feed items link to pages on loopback, private and link-local addresses (intranets)")
    boolean allowPrivateFetch;

    @Option(names = "--feed-interval", defaultValue = "60", paramLabel = "SECONDS",
            description = "seconds between polls of each --feed (default ${DEFAULT-VALUE})")
    long feedIntervalSeconds;

    @Option(names = "--http-port", defaultValue = "8080", description = "port of the dashboard (default ${DEFAULT-VALUE}); not served with --once")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "address the dashboard binds to (default ${DEFAULT-VALUE}: this machine only)")
    String httpHost;

    @Option(names = "--http-token", paramLabel = "TOKEN", description = "token every request must carry when bound"
            + " to an address other than loopback (default: $NEWSWIRE_HTTP_TOKEN, else a random one, printed)")
    String httpToken;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of each topic it creates (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--days", defaultValue = "30",
            description = "days of generated news replayed after the seeds, up to today (default ${DEFAULT-VALUE}; with --once only when given)")
    int days;

    @Option(names = "--seeds-only", description = "replay only the seeds, no generated month")
    boolean seedsOnly;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "labelled JSON-lines articles to make the month of, besides the seeds (default: the BBC news corpus in shared/corpora beside the project, when present)")
    Path corpus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintStream out = System.out;
        StopSignal stop = StopSignal.onCtrlC();
        String sinkUrl = sink != null ? sink : AppPaths.defaultSink();
        Path seedDir = seeds != null ? seeds : AppPaths.seedsDir();
        long started = System.nanoTime();
        try (OpsServer ops = metrics.start(); ServiceGroup services = new ServiceGroup(Duration.ofSeconds(60))) {
            out.printf("starting Kafka broker on 127.0.0.1:%d (data in %s) …%n", kafkaPort, AppPaths.kafkaDir());
            EmbeddedBroker broker = services.start(new EmbeddedBroker(AppPaths.kafkaDir(), kafkaPort));
            out.printf("Kafka is up after %.1f s%n", (System.nanoTime() - started) / 1e9);
            Properties config = KafkaClientConfig.load(broker.bootstrapServers(), null);
            TopologyConfig topology = Components.withDesks(Components.topologyConfig(config, tagger), model.model());
            Topics topics = topology.topics();
            KafkaAdmin admin = services.own(new KafkaAdmin(config));
            List<String> created = admin.createMissingTopics(topics.names(), partitions);
            out.println(created.isEmpty() ? "topics: " + String.join(", ", topics.names()) + " (existing)"
                    : "created topics: " + String.join(", ", created));

            List<Article> articles = new SeedReader(new SeedParser(Clock.systemUTC())).read(seedDir);
            // With --once the process ends as soon as the sink is complete: nobody could look at a page.
            DashboardServer dashboard = once ? null : new DashboardServer(sinkUrl, config, topics);
            Pipeline pipeline = services.own(new Pipeline(config, topology, AppPaths.streamsStateDir(), sinkUrl,
                    dashboard == null ? b -> { } : dashboard::afterWrite));
            pipeline.start(Duration.ofSeconds(60));
            ops.bind(pipeline::streamsMetrics).bind(pipeline::consumerMetrics).check("pipeline", pipeline::health);
            out.printf("streams and sink consumer running; sink: %s%n", JdbcSink.redacted(sinkUrl));
            DashboardService served = dashboard == null ? null
                    : services.start(new DashboardService(dashboard, httpHost, httpPort,
                            RequestGuard.token(httpToken)));
            if (served != null) {
                out.println(served.accessLine());
            }
            SinkReader reader = services.own(new SinkReader(sinkUrl));
            DeadLetterKeys deadLetters = services.own(new DeadLetterKeys(config, topics.dlq().name()));
            replay(config, topics, articles, out);
            // --once is the quick check (scripts, tests): the seeds alone, unless a month is asked for with --days.
            boolean month = !seedsOnly && (!once || spec.commandLine().getParseResult().hasMatchedOption("--days"));
            if (month) {
                articles = new ArrayList<>(articles);
                articles.addAll(replayMonth(config, topics, seedDir, reader, out));
            }
            boolean complete = awaitSink(pipeline, admin, reader, deadLetters, articles, out, stop);
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            Console.printTopicDayTable(out, reader.topicDays().stream()
                    .filter(row -> !month || row.day().equals(today)).toList());
            if (!complete) {
                reportIncomplete(pipeline, stop);
                return 1;
            }
            out.printf("all %d articles are in the sink (%.1f s)%n", articles.size(),
                    (System.nanoTime() - started) / 1e9);
            if (!once) {
                runLive(services, config, topics, broker, served, stop, out);
            }
        } finally {
            stop.done();
        }
        out.println("stopped");
        return 0;
    }

    private void checkOptions() {
        if (days < 1) {
            throw new ParameterException(spec.commandLine(), "--days must be at least 1");
        }
        if (corpus != null && !Files.isRegularFile(corpus)) {
            throw new ParameterException(spec.commandLine(), "--corpus " + corpus + ": no such file");
        }
    }

    /** One line on stderr saying why the sink is incomplete: a failed component, or the wait ran out. */
    private void reportIncomplete(Pipeline pipeline, StopSignal stop) throws InterruptedException {
        if (pipeline.failure() != null) {
            System.err.println(pipeline.failure());
        } else if (!stop.await(0)) {
            System.err.printf("not every article reached the sink within %d s; logs in %s%n",
                    timeoutSeconds, AppPaths.logDir());
        }
    }

    /** After the replay: the live sources (folder, HTTP push, feeds) until Ctrl-C. */
    private void runLive(ServiceGroup services, Properties config, Topics topics, EmbeddedBroker broker,
                         DashboardService served, StopSignal stop, PrintStream out) throws Exception {
        LiveSources live = services.own(LiveSources.start(config, topics, AppPaths.inboxDir(), "127.0.0.1",
                pushPort, feeds, Duration.ofSeconds(feedIntervalSeconds), AppPaths.rssStateDir(),
                allowPrivateFetch ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY, out));
        out.printf("live: drop .txt/.json/.html files into %s, POST to http://127.0.0.1:%d/articles%s%n",
                AppPaths.inboxDir(), live.httpPort(), feeds.isEmpty() ? "" : ", polling " + feeds);
        out.printf("running; Kafka at %s, dashboard at %s — press Ctrl-C to stop%n",
                broker.bootstrapServers(), served.url());
        stop.await();
        out.println("stopping …");
    }

    /**
     * Replays a generated month of news ({@link NewsMonth}) after the seeds, unless the sink already holds days
     * of it (an earlier run: replaying again would count a second month on the same days). Returns what it sent.
     */
    private List<Article> replayMonth(Properties config, Topics topics, Path seedDir, SinkReader reader,
                                      PrintStream out) throws InterruptedException {
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        boolean filled = reader.topicDays().stream().map(row -> LocalDate.parse(row.day()))
                .anyMatch(day -> !day.isBefore(first) && day.isBefore(today));
        if (filled) {
            out.printf("the sink already holds news of the last %d days: no generated month (rm -rf %s to start over)%n",
                    days, AppPaths.dataDir());
            return List.of();
        }
        NewsMonth month = NewsMonth.load(seedDir, corpus != null ? corpus : AppPaths.besideCorpus(seedDir));
        List<Article> generated = month.generate(days, now);
        out.printf("replaying %d generated articles over %d days, %s …%n", generated.size(), days,
                month.hasCorpus() ? "from the BBC news corpus and the seeds" : "from the seeds");
        replay(config, topics, generated, out);
        return generated;
    }

    private static void replay(Properties config, Topics topics, List<Article> articles, PrintStream out)
            throws InterruptedException {
        try (ArticlePublisher publisher = new ArticlePublisher(config, topics.raw())) {
            SeedReplay.Result result = new SeedReplay(publisher, out).replay(articles);
            if (!result.ok()) {
                throw new IllegalStateException(result.failed() + " of " + articles.size()
                        + " articles were not accepted by Kafka: " + result.firstError());
            }
        }
    }

    /**
     * Waits until every replayed article is in the sink or dead-lettered (with its reason, on the DLQ) and
     * every summary is in the sink, with a progress line.
     */
    private boolean awaitSink(Pipeline pipeline, KafkaAdmin admin, SinkReader reader, DeadLetterKeys deadLetters,
                              List<Article> articles, PrintStream out, StopSignal stop) throws InterruptedException {
        List<String> ids = articles.stream().map(Article::id).distinct().toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        int lastReported = -1;
        while (System.nanoTime() < deadline && pipeline.failure() == null) {
            int present = reader.countArticles(ids);
            int deadLettered = deadLetters.count(ids);
            if (present + deadLettered != lastReported) {
                out.printf("in the sink: %d/%d articles%s%n", present, ids.size(),
                        deadLettered == 0 ? "" : ", " + deadLettered + " dead-lettered (see " + AppPaths.logDir() + ")");
                lastReported = present + deadLettered;
            }
            if (present + deadLettered >= ids.size() && pipeline.drained(admin.admin())) {
                return true;
            }
            if (stop.await(250)) {
                return false;
            }
        }
        return false;
    }
}
