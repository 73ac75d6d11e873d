package io.newswire.app.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** (A copy of the producer module's test helper of the same name: test classes are not shared between modules.)
 *
 * A web server inside the test (the JDK's), on a free port of 127.0.0.1, whose answers the test changes
 * between polls. Feeds served with an ETag answer 304 to a matching If-None-Match, like a real server.
 */
public final class TestWebServer implements AutoCloseable {

    /** One canned answer. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    }

    /** One request as the server saw it. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public TestWebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, Reply reply) {
        replies.put(path, reply);
    }

    /** A feed with an ETag: a request that sends the same ETag gets 304. */
    public void serveFeed(String path, String xml, String etag) {
        serve(path, new Reply(200, "application/rss+xml; charset=utf-8", xml,
                etag == null ? Map.of() : Map.of("ETag", etag)));
    }

    public void serveHtml(String path, String html) {
        serve(path, new Reply(200, "text/html; charset=utf-8", html, Map.of()));
    }

    public void serveStatus(String path, int status, Map<String, String> headers) {
        serve(path, new Reply(status, "text/plain", "status " + status, headers));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        requests.add(new Request(path, ifNoneMatch, exchange.getRequestHeaders().getFirst("If-Modified-Since")));
        Reply reply = replies.getOrDefault(path, new Reply(404, "text/plain", "not found", Map.of()));
        String etag = reply.headers().get("ETag");
        if (reply.status() == 200 && etag != null && etag.equals(ifNoneMatch)) {
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
