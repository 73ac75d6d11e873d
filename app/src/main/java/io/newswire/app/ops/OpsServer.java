package io.newswire.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators and orchestrators ask a long-running command: {@code GET /health} (200 when every part
 * is ready, else 503, with a JSON line per part) and {@code GET /metrics} (Prometheus text: JVM, the Kafka
 * clients and Kafka Streams bound by the command, and newswire's own counters from Micrometer's global
 * registry). Nothing else is served; it reads no request body. {@link #disabled()} when no port was asked for.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final Map<String, Supplier<Health>> checks = new LinkedHashMap<>();
    private final List<AutoCloseable> bound = new ArrayList<>();

    private OpsServer(PrometheusMeterRegistry registry, HttpServer server) {
        this.registry = registry;
        this.server = server;
    }

    /** Does nothing: for a command started without a metrics port. */
    public static OpsServer disabled() {
        return new OpsServer(null, null);
    }

    /**
     * Serves on {@code host:port} (0: any free port) from now on; {@code /health} answers 503 until the
     * command has registered its checks and they pass.
     *
     * @throws IllegalStateException with one line when the port cannot be bound
     */
    public static OpsServer start(String host, int port) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        OpsServer ops = new OpsServer(registry, server);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ops.bind(JvmGcMetrics::new);
        // newswire's counters live in the global registry (the modules know nothing of this server).
        Metrics.addRegistry(registry);
        server.createContext("/health", ops::health);
        server.createContext("/metrics", ops::metrics);
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain", "not found: try /health or /metrics\n"));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "newswire-ops-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return ops;
    }

    public boolean enabled() {
        return server != null;
    }

    /** The port it serves on, or -1 when disabled. */
    public int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    /** Adds a part whose readiness {@code /health} reports. */
    public synchronized OpsServer check(String name, Supplier<Health> check) {
        checks.put(name, check);
        return this;
    }

    /** Binds a client's or newswire's meters; closed (their meters removed) with this server. */
    public synchronized OpsServer bind(Supplier<? extends MeterBinder> binder) {
        if (server != null) {
            MeterBinder meters = binder.get();
            meters.bindTo(registry);
            if (meters instanceof AutoCloseable closeable) {
                bound.add(closeable);
            }
        }
        return this;
    }

    /** Every check, and whether all pass (none registered yet: not ready). */
    synchronized Map<String, Health> healthNow() {
        Map<String, Health> result = new LinkedHashMap<>();
        checks.forEach((name, check) -> {
            Health health;
            try {
                health = check.get();
            } catch (RuntimeException e) {
                health = Health.notReady("check failed: " + e.getMessage());
            }
            result.put(name, health);
        });
        return result;
    }

    private void health(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain", "GET only\n");
            return;
        }
        Map<String, Health> parts = healthNow();
        boolean ready = !parts.isEmpty() && parts.values().stream().allMatch(Health::ready);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("checks", parts);
        respond(exchange, ready ? 200 : 503, "application/json", Json.mapper().writeValueAsString(body) + "\n");
    }

    private void metrics(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain", "GET only\n");
            return;
        }
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        for (AutoCloseable closeable : bound) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing metrics binder failed: {}", e.getMessage());
            }
        }
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
