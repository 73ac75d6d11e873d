package io.newswire.dashboard;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.Json;
import io.newswire.common.Topics;
import io.newswire.common.http.RequestGuard;
import io.newswire.dashboard.api.DashboardApi;
import io.newswire.dashboard.api.DashboardQueries;
import io.newswire.dashboard.metrics.PipelineMonitor;
import io.newswire.dashboard.metrics.SinkMetrics;
import io.newswire.consumer.sink.SinkBatch;
import io.newswire.consumer.sink.SinkException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: static pages from the jar ({@code dashboard/}), the JSON API that reads the sink, live
 * updates by Server-Sent Events ({@code /api/events}, fed by the sink consumer's {@code afterWrite}) and
 * Prometheus metrics ({@code /metrics}). With Kafka client settings it also samples the pipeline's topics
 * ({@code news.articles.raw}, {@code .tagged}, {@code news.topic-daily}, {@code news.articles.dlq}) for the
 * pipeline page; it writes nothing anywhere.
 */
public final class DashboardServer implements AutoCloseable {

    /** No inline script, nothing from elsewhere: the one script is ours, the charts come from the jar. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none';"
            // ECharts positions its tooltip with inline style attributes.
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
            + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final int MAX_LIMIT = 200;
    private static final int MAX_ID_CHARS = 200;
    /** The deepest page of a list: paging further than this is not reading, it is scraping. */
    private static final int MAX_OFFSET = 10_000;

    private final String sinkUrl;
    private final Properties clientConfig;
    private final Topics topics;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SinkMetrics sinkMetrics;
    private final LiveUpdates live;
    private DashboardQueries queries;
    private DashboardApi api;
    private PipelineMonitor monitor;
    private RequestGuard guard;
    private Javalin app;

    /**
     * @param sinkUrl the sink the consumer writes (a SQLite path or a JDBC URL)
     * @param clientConfig Kafka client settings for the pipeline page, or null to leave that page empty
     */
    public DashboardServer(String sinkUrl, Properties clientConfig, Topics topics) {
        this(sinkUrl, clientConfig, topics, Clock.systemUTC());
    }

    /** Opens nothing yet: it can be handed to the consumer as its {@code afterWrite} before the sink exists. */
    public DashboardServer(String sinkUrl, Properties clientConfig, Topics topics, Clock clock) {
        this.sinkUrl = sinkUrl;
        this.clientConfig = clientConfig;
        this.topics = topics;
        this.clock = clock;
        this.sinkMetrics = new SinkMetrics(registry, clock);
        this.live = new LiveUpdates(clock);
    }

    /**
     * Serves on {@code host:port} (port 0: any free one); returns once it listens. Start it after the
     * sink was opened once (which creates its tables); before that the pages say there is nothing yet.
     */
    public void start(String host, int port) {
        start(host, port, null);
    }

    /**
     * Serves on {@code host:port}, answering only requests that pass the {@link RequestGuard}: on loopback,
     * those that name this machine; elsewhere, those that carry {@code token} (a random one when null; see
     * {@link #accessLine}).
     */
    public void start(String host, int port, String token) {
        guard = RequestGuard.forBinding(host, token);
        queries = new DashboardQueries(sinkUrl);
        api = new DashboardApi(queries, clock);
        monitor = clientConfig == null ? null
                : new PipelineMonitor(clientConfig, topics, queries::sinkOffsets, registry, clock);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
                files.headers = SECURITY_HEADERS;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
        app.before(this::guard);
        app.get("/api/health", ctx -> ctx.json(api.health()));
        app.get("/api/topics", ctx -> ctx.json(api.ranking(day(ctx, "day"))));
        app.get("/api/topics/{id}", ctx -> ctx.json(api.topic(id(ctx)).orElseThrow(
                () -> new NotFoundResponse("no summaries of topic " + id(ctx) + " yet"))));
        app.get("/api/topics/{id}/days", ctx -> ctx.json(api.topicDays(id(ctx), day(ctx, "from"), day(ctx, "to"))));
        app.get("/api/days", ctx -> ctx.json(api.dailySeries(day(ctx, "from"), day(ctx, "to"))));
        app.get("/api/articles", ctx -> ctx.json(api.articles(text(ctx, "topic"), day(ctx, "day"), offset(ctx),
                limit(ctx))));
        app.get("/api/articles/{id}", ctx -> ctx.json(api.article(id(ctx)).orElseThrow(
                () -> new NotFoundResponse("no article " + id(ctx) + " in the sink"))));
        app.get("/api/entities/{id}", ctx -> ctx.json(api.entity(id(ctx), offset(ctx), limit(ctx)).orElseThrow(
                () -> new NotFoundResponse("no article in the sink names " + id(ctx)))));
        app.get("/api/search", ctx -> ctx.json(api.search(Objects.requireNonNullElse(text(ctx, "q"), ""),
                offset(ctx), limit(ctx))));
        app.get("/api/pipeline", ctx -> ctx.json(monitor == null
                ? PipelineMonitor.Snapshot.unavailable("this process has no Kafka connection to sample")
                : monitor.snapshot()));
        app.sse("/api/events", live::connect);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        app.exception(SinkException.class, (e, ctx) -> {
            LOG.warn("sink query failed: {}", e.getMessage());
            // The details (which database, why) go to the log, not to whoever asked.
            ctx.status(503).json(Map.of("error", "the sink cannot be read right now; the log says why"));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            // Typically the port is taken (another demo?): say which address, and how to pick another.
            throw new IllegalStateException("cannot serve the dashboard on " + host + ":" + port + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " (choose another with --http-port)", e);
        }
        if (monitor != null) {
            monitor.start();
        }
    }

    /** Refuses what the guard refuses; a valid {@code ?token=} becomes a cookie, so the page's own requests carry it. */
    private void guard(Context ctx) {
        String queryToken = ctx.queryParam("token");
        Optional<RequestGuard.Refusal> refusal = guard.problem(ctx::header, ctx.cookie(RequestGuard.COOKIE), queryToken);
        if (refusal.isPresent()) {
            ctx.status(refusal.get().status()).json(Map.of("error", refusal.get().reason()));
            ctx.skipRemainingHandlers();
            return;
        }
        if (guard.requiresToken() && queryToken != null) {
            ctx.header("Set-Cookie", RequestGuard.COOKIE + "=" + guard.token() + "; Path=/; HttpOnly; SameSite=Strict");
        }
    }

    /** The line to print at start: where the dashboard is, and the token it requires when it requires one. */
    public String accessLine(String host) {
        return guard.startupLine("dashboard", url(host, port()));
    }

    /** The consumer's {@code afterWrite}: counts the batch and pushes it to the open pages. */
    public void afterWrite(SinkBatch batch) {
        sinkMetrics.record(batch);
        live.publish(batch);
    }

    public int port() {
        return app.port();
    }

    LiveUpdates liveUpdates() {
        return live;
    }

    /** The address to open; a wildcard bind is shown as 127.0.0.1, which reaches it too. */
    public static String url(String host, int port) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port + "/";
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > MAX_ID_CHARS) {
            throw new BadRequestResponse("id must be 1 to " + MAX_ID_CHARS + " characters");
        }
        return id;
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_ID_CHARS) {
            throw new BadRequestResponse(name + " must be at most " + MAX_ID_CHARS + " characters");
        }
        return value;
    }

    private static LocalDate day(Context ctx, String name) {
        String value = text(ctx, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be a date like 2024-11-05, not " + value);
        }
    }

    /** How many of the newest to skip: a page of a long list; at most {@link #MAX_OFFSET}. */
    private static int offset(Context ctx) {
        return intParam(ctx, "offset", 0, 0, MAX_OFFSET);
    }

    private static int limit(Context ctx) {
        return intParam(ctx, "limit", 20, 1, MAX_LIMIT);
    }

    /** The query parameter {@code name} as a number from {@code min} to {@code max}; {@code absent} when not given. */
    private static int intParam(Context ctx, String name, int absent, int min, int max) {
        String value = text(ctx, name);
        try {
            int number = value == null ? absent : Integer.parseInt(value);
            if (number < min || number > max) {
                throw new BadRequestResponse(name + " must be " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a number, not " + value);
        }
    }

    @Override
    public void close() {
        if (monitor != null) {
            monitor.close();
        }
        live.close();
        if (app != null) {
            app.stop();
        }
        if (queries != null) {
            queries.close();
        }
    }
}
