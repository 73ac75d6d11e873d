package io.newswire.producer.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.net.InetAddressUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP GET of untrusted content with a size cap and a time cap over the whole exchange (connecting, headers
 * and body): a slow or endless server cannot hold a source up or fill the memory. Only http and https.
 * Redirects (at most {@value #MAX_REDIRECTS}) are followed here, not by the client, so that the
 * {@link AddressPolicy} judges every hop; the client looks names up only through the policy
 * ({@link CheckedDnsResolver}), so it connects to exactly the addresses the policy checked.
 */
public final class BoundedGet {

    /** What came back: the body cut at the cap ({@code truncated} then says so). */
    public record Response(int status, HttpHeaders headers, byte[] body, boolean truncated) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public static final int MAX_REDIRECTS = 5;
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    /** Idle pooled connections are closed after this long (feeds are polled every few minutes). */
    private static final TimeValue IDLE_EVICTION = TimeValue.ofMinutes(1);

    private final CloseableHttpClient client;
    private final String userAgent;
    private final AddressPolicy addresses;

    /**
     * @param addresses which hosts may be fetched: every host name of every hop is looked up through it, and
     *                  connections go only to the addresses it returns
     */
    public BoundedGet(String userAgent, AddressPolicy addresses) {
        this.userAgent = userAgent;
        this.addresses = addresses;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(addresses))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(IDLE_EVICTION)
                .build();
    }

    /**
     * @param extraHeaders request headers such as If-None-Match
     * @throws IOException when the server cannot be reached or does not finish in time
     * @throws AddressPolicy.RefusedAddressException when a hop's host resolves to an address the policy refuses
     */
    public Response get(URI uri, Map<String, String> extraHeaders, long maxBytes, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI target = uri;
        for (int hop = 0; ; hop++) {
            Response response = getOnce(target, extraHeaders, maxBytes, deadline, timeout);
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

    private Response getOnce(URI uri, Map<String, String> extraHeaders, long maxBytes, long deadline, Duration timeout)
            throws IOException {
        checkTarget(uri);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IOException("no answer from " + uri + " within " + timeout.toSeconds() + " s");
        }
        HttpGet request = new HttpGet(uri);
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofNanoseconds(left)).build());
        request.setHeader("User-Agent", userAgent);
        extraHeaders.forEach(request::setHeader);
        // Cancelling the request at the deadline aborts a connect, a wait for headers or a read that a trickling
        // server would hold forever; the connection is then discarded, not drained.
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(request::cancel,
                CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS));
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            byte[] bytes = readCapped(response.getEntity(), maxBytes, request);
            boolean truncated = bytes.length > maxBytes;
            if (truncated) {
                bytes = Arrays.copyOf(bytes, (int) maxBytes);
            }
            return new Response(response.getCode(), headers(response), bytes, truncated);
        } catch (CheckedDnsResolver.Refused e) {
            throw refusal(uri, e.refusal());
        } catch (IOException e) {
            if (request.isCancelled() && System.nanoTime() - deadline >= 0) {
                throw new IOException("no answer from " + uri + " within " + timeout.toSeconds() + " s", e);
            }
            throw new IOException(e.getClass().getSimpleName() + " fetching " + uri
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private void checkTarget(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https URLs are fetched: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IOException("no host in " + uri);
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (InetAddressUtils.isIPv4(literal) || InetAddressUtils.isIPv6(literal)) {
            // An address literal needs no lookup, so the client may not ask the resolver: the policy judges it here.
            try {
                addresses.check(uri);
            } catch (AddressPolicy.RefusedAddressException e) {
                throw refusal(uri, e);
            }
        }
    }

    /** Up to {@code maxBytes + 1} bytes of the body; a longer body is not read on, its connection is dropped. */
    private static byte[] readCapped(HttpEntity entity, long maxBytes, HttpGet request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream body = entity.getContent()) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                // Closing the stream would read the rest to reuse the connection; cancelling discards it instead.
                request.cancel();
            }
            return bytes;
        }
    }

    private static AddressPolicy.RefusedAddressException refusal(URI uri, AddressPolicy.RefusedAddressException cause) {
        return new AddressPolicy.RefusedAddressException("refusing to fetch " + uri + ": " + cause.getMessage());
    }

    private static HttpHeaders headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(headers, (name, value) -> true);
    }
}
