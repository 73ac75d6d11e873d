package io.newswire.producer.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP GET of untrusted content with a size cap and a time cap over the whole exchange (headers and
 * body): a slow or endless server cannot hold a source up or fill the memory. Only http and https. Redirects
 * (at most {@value #MAX_REDIRECTS}) are followed here, not by the client, so that the {@link AddressPolicy}
 * checks every hop before connecting to it.
 */
public final class BoundedGet {

    /** What came back: the body cut at the cap ({@code truncated} then says so). */
    public record Response(int status, HttpHeaders headers, byte[] body, boolean truncated) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final String userAgent;
    private final AddressPolicy addresses;

    /**
     * @param client a client that does not follow redirects itself ({@link #defaultClient()})
     * @param addresses which hosts may be fetched, checked on every redirect hop
     */
    public BoundedGet(HttpClient client, String userAgent, AddressPolicy addresses) {
        this.client = client;
        this.userAgent = userAgent;
        this.addresses = addresses;
    }

    /** A client that leaves redirects to {@link BoundedGet} and gives up connecting after 5 s. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * @param extraHeaders request headers such as If-None-Match
     * @throws IOException when the server cannot be reached or does not finish in time
     */
    public Response get(URI uri, Map<String, String> extraHeaders, long maxBytes, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI target = uri;
        for (int hop = 0; ; hop++) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            Response response = getOnce(target, extraHeaders, maxBytes, left);
            String location = response.header("Location");
            if (!isRedirect(response.status()) || location == null) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
            }
            try {
                target = target.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new IOException("bad redirect from " + target + " to " + location, e);
            }
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private Response getOnce(URI uri, Map<String, String> extraHeaders, long maxBytes, Duration timeout)
            throws IOException, InterruptedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https URLs are fetched: " + uri);
        }
        addresses.check(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", userAgent);
        extraHeaders.forEach(request::header);
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<InputStream>> sent =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = sent.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new IOException("no answer from " + uri + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(cause.getClass().getSimpleName() + " fetching " + uri
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
        try (InputStream body = response.body()) {
            // Closing the stream at the deadline unblocks a read that a trickling server would hold forever.
            long remaining = Math.max(1, deadline - System.nanoTime());
            CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> closeQuietly(body),
                    CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS));
            try {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                boolean truncated = bytes.length > maxBytes;
                if (truncated) {
                    bytes = Arrays.copyOf(bytes, (int) maxBytes);
                }
                return new Response(response.statusCode(), response.headers(), bytes, truncated);
            } catch (IOException e) {
                throw new IOException("reading " + uri + " did not finish within " + timeout.toSeconds() + " s", e);
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The fetch is being abandoned; the read that is interrupted reports the failure.
        }
    }
}
