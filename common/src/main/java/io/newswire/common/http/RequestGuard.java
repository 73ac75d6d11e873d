package io.newswire.common.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What both of newswire's HTTP servers (the producer's {@code POST /articles} and the dashboard) check before
 * they answer, whatever the route.
 * <ul>
 *   <li><b>Host</b>: bound to a loopback address, a request must name a loopback host ({@code localhost},
 *       {@code 127.0.0.1}, {@code [::1]}) or the bound address: a page of another site whose name an attacker
 *       re-points at 127.0.0.1 (DNS rebinding) names its own host and is refused.</li>
 *   <li><b>Token</b>: bound to any other address, the server is reachable from the network and every request
 *       must carry the token: {@code Authorization: Bearer …}, the {@value #COOKIE} cookie, or
 *       {@code ?token=…} once (the dashboard then sets the cookie). There the token, which another site cannot
 *       know, is what refuses a rebinding page.</li>
 * </ul>
 * {@link #crossSiteProblem} adds the checks of a request that changes something ({@code POST /articles}).
 */
public final class RequestGuard {

    /** The environment variable a token can also come from (the command line's {@code --http-token} first). */
    public static final String TOKEN_ENV = "NEWSWIRE_HTTP_TOKEN";
    public static final String COOKIE = "newswire_token";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** Why a request is refused: the HTTP status and a one-line reason. */
    public record Refusal(int status, String reason) {
    }

    private final String bindHost;
    private final boolean loopback;
    private final byte[] token;

    private RequestGuard(String bindHost, boolean loopback, String token) {
        this.bindHost = bindHost.toLowerCase(Locale.ROOT);
        this.loopback = loopback;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The guard of a server bound to {@code bindHost}: on loopback no token (a given one is still required);
     * elsewhere the given token, else a new random one (see {@link #generatedToken()}).
     */
    public static RequestGuard forBinding(String bindHost, String token) {
        boolean loopback = isLoopback(bindHost);
        String effective = token != null && !token.isBlank() ? token.strip()
                : loopback ? null : newToken();
        return new RequestGuard(bindHost, loopback, effective);
    }

    /** The token from {@code --http-token}, else from {@value #TOKEN_ENV}, else null. */
    public static String token(String fromOption) {
        if (fromOption != null && !fromOption.isBlank()) {
            return fromOption;
        }
        String fromEnv = System.getenv(TOKEN_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }

    public boolean requiresToken() {
        return token != null;
    }

    /** The token requests must carry, or null when none is required. */
    public String token() {
        return token == null ? null : new String(token, StandardCharsets.UTF_8);
    }

    /**
     * The one line a server prints at start-up about who may use it, e.g. "requires the token …".
     *
     * @param what "dashboard" or "POST /articles"
     */
    public String startupLine(String what, String url) {
        if (token == null) {
            return what + ": " + url + " (this machine only)";
        }
        return what + ": " + url + " is reachable from the network and requires a token: send"
                + " \"Authorization: Bearer " + token() + "\" or open " + url + "?token=" + token()
                + " (set your own with --http-token or " + TOKEN_ENV + ")";
    }

    /**
     * Why the request must be refused, if it must.
     *
     * @param header a request header by name (null when absent)
     * @param cookieToken the value of the {@value #COOKIE} cookie, or null
     * @param queryToken the {@code token} query parameter, or null
     */
    public Optional<Refusal> problem(Function<String, String> header, String cookieToken, String queryToken) {
        String host = hostName(header.apply("Host"));
        if (loopback && (host == null || !(LOOPBACK_NAMES.contains(host) || host.equals(bindHost)))) {
            return Optional.of(new Refusal(421, "this server answers only to " + bindHost + " and localhost, not to "
                    + (host == null ? "a request without Host" : shown(host))));
        }
        if (token != null && !(matches(bearer(header.apply("Authorization"))) || matches(cookieToken)
                || matches(queryToken))) {
            return Optional.of(new Refusal(401, "a token is required: Authorization: Bearer <token>"));
        }
        return Optional.empty();
    }

    /**
     * Why a request that changes something must be refused as coming from another site, if it must: only
     * {@code Content-Type: application/json} (a cross-site form cannot send it without a CORS pre-flight, which
     * newswire never grants), no {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, and no
     * {@code Origin} other than this server's.
     */
    public static Optional<Refusal> crossSiteProblem(Function<String, String> header) {
        String contentType = header.apply("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            return Optional.of(new Refusal(415, "Content-Type must be application/json, not "
                    + (contentType == null ? "none" : shown(contentType))));
        }
        String fetchSite = header.apply("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return Optional.of(new Refusal(403, "cross-site request refused (Sec-Fetch-Site: " + shown(fetchSite) + ")"));
        }
        String origin = header.apply("Origin");
        if (origin != null) {
            String host = header.apply("Host");
            String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
            if (host == null || !originHost.equalsIgnoreCase(host)) {
                return Optional.of(new Refusal(403, "cross-site request refused (Origin: " + shown(origin) + ")"));
            }
        }
        return Optional.empty();
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    /** The host of a Host header, lower case, without the port ({@code [::1]:8080} gives {@code [::1]}). */
    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopback(String bindHost) {
        if (LOOPBACK_NAMES.contains(bindHost.toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            // Only literals are looked at: a name is resolved by the server when it binds, not here.
            return bindHost.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(bindHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String shown(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
