package io.newswire.common;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids: the same article always gets the same id, wherever it came from, so replays and
 * re-published feed items can be recognised downstream.
 */
public final class ArticleIds {

    private static final int ID_HEX_CHARS = 16;

    private ArticleIds() {
    }

    /** A hash of the canonical URL when there is one, else of the normalised title and body. */
    public static String idFor(String url, String title, String body) {
        if (url != null && !url.isBlank()) {
            return sha256Prefix("url:" + canonicalUrl(url));
        }
        return sha256Prefix("text:" + normalise(title) + "\n" + normalise(body));
    }

    /** Lowercase scheme and host, no fragment, no trailing slash: the same page gets the same key. */
    static String canonicalUrl(String url) {
        String trimmed = url.trim();
        try {
            URI uri = new URI(trimmed).normalize();
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            int port = uri.getPort();
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (port == -1 ? "" : ":" + port) + path + query;
        } catch (Exception e) {
            return trimmed;
        }
    }

    /** Case and whitespace do not make a different article. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
