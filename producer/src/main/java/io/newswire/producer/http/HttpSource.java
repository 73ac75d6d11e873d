package io.newswire.producer.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.http.RequestGuard;
import io.newswire.producer.Acknowledgements;
import io.newswire.producer.ArticleOutput;
import io.newswire.producer.IncomingArticles;
import io.newswire.producer.InvalidArticleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code POST /articles}: one {@code Article} or a JSON array of them, published to {@code news.articles.raw}
 * (through an {@link ArticleOutput}). Answers 202 only after Kafka acknowledged every article of the request,
 * 400 with the reason for bad input, 413 above the size cap, 503 when Kafka did not acknowledge. Every request
 * passes the {@link RequestGuard} first (Host, and the token off loopback: 421/401), and a post must be
 * {@code application/json} from no other site (415/403).
 */
public final class HttpSource implements AutoCloseable {

    public static final String SOURCE = "http";
    public static final int DEFAULT_PORT = 8081;
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024;

    private final IncomingArticles incoming;
    private final ArticleOutput output;
    private final long maxBytes;
    private final Consumer<String> report;
    private final String token;
    private RequestGuard guard;
    private Javalin server;

    public HttpSource(ArticleOutput output, long maxBytes, Clock clock, Consumer<String> report) {
        this(output, maxBytes, clock, report, null);
    }

    /**
     * @param token the token requests must carry (see {@link RequestGuard}), or null: none on loopback, a
     *              random one (printed at start) on any other address
     */
    public HttpSource(ArticleOutput output, long maxBytes, Clock clock, Consumer<String> report, String token) {
        this.incoming = new IncomingArticles(SOURCE, clock);
        this.output = output;
        this.maxBytes = maxBytes;
        this.report = report;
        this.token = token;
    }

    /** Starts listening; {@code port} 0 picks a free one (see {@link #port()}). */
    public HttpSource start(String host, int port) {
        guard = RequestGuard.forBinding(host, token);
        server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Our own cap (413 with a JSON reason) applies first; Javalin's only guards other routes.
            config.http.maxRequestSize = maxBytes + 1;
        });
        server.before(this::guard);
        server.post("/articles", this::postArticles);
        server.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            server.stop();
            throw new IllegalStateException("cannot accept HTTP pushes on " + host + ":" + port + ": "
                    + rootMessage(e) + " (is the port in use?)", e);
        }
        report.accept(guard.startupLine("POST /articles", "http://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + port() + "/articles"));
        return this;
    }

    /** Host and token for every route; Content-Type and cross-site checks for the one that publishes. */
    private void guard(Context ctx) throws IOException {
        Optional<RequestGuard.Refusal> refusal = guard.problem(ctx::header, ctx.cookie(RequestGuard.COOKIE),
                ctx.queryParam("token"));
        if (refusal.isEmpty() && ctx.method() == HandlerType.POST) {
            refusal = RequestGuard.crossSiteProblem(ctx::header);
        }
        if (refusal.isPresent()) {
            ctx.status(refusal.get().status()).contentType("application/json")
                    .result(Json.mapper().writeValueAsString(Map.of("error", refusal.get().reason())));
            ctx.skipRemainingHandlers();
        }
    }

    public int port() {
        return server.port();
    }

    void postArticles(Context ctx) throws IOException, InterruptedException {
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            reject(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large: body of " + declared + " bytes, limit " + maxBytes);
            return;
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) maxBytes + 1);
        }
        if (body.length > maxBytes) {
            reject(ctx, HttpStatus.CONTENT_TOO_LARGE, "too-large: body above the limit of " + maxBytes + " bytes");
            return;
        }
        List<Article> articles;
        try {
            articles = incoming.parseOneOrMany(new String(body, StandardCharsets.UTF_8));
        } catch (InvalidArticleException e) {
            reject(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        Acknowledgements.Outcome outcome = Acknowledgements.publishAll(output, articles, Acknowledgements.DEFAULT_TIMEOUT);
        if (!outcome.allAcknowledged()) {
            reject(ctx, HttpStatus.SERVICE_UNAVAILABLE, outcome.acknowledgedCount() + " of " + articles.size()
                    + " articles acknowledged by Kafka: " + outcome.firstError());
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", articles.size());
        answer.put("ids", articles.stream().map(Article::id).toList());
        ctx.status(HttpStatus.ACCEPTED).contentType("application/json").result(Json.mapper()
                .writeValueAsString(answer));
        report.accept("http: published " + articles.size() + (articles.size() == 1 ? " article: " : " articles, first: ")
                + articles.get(0).title());
    }

    private static void reject(Context ctx, HttpStatus status, String reason) throws IOException {
        ctx.status(status).contentType("application/json")
                .result(Json.mapper().writeValueAsString(Map.of("error", reason)));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
