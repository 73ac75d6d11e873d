package io.newswire.producer.fulltext;

import io.newswire.producer.fetch.BoundedGet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the page an item links to and extracts its article text, within a size cap (2 MiB by default)
 * and a time cap (10 s). Any failure gives an empty result: the caller keeps the summary it has.
 */
public final class FullTextFetcher {

    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(FullTextFetcher.class);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private final BoundedGet http;
    private final ArticleTextExtractor extractor;
    private final long maxBytes;
    private final Duration timeout;

    public FullTextFetcher(BoundedGet http, ArticleTextExtractor extractor, long maxBytes, Duration timeout) {
        this.http = http;
        this.extractor = extractor;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** The article text of the page at {@code url}, or empty when it cannot be fetched or holds no text. */
    public Optional<String> fetchText(String url) throws InterruptedException {
        try {
            BoundedGet.Response response = http.get(URI.create(url), Map.of("Accept", "text/html,application/xhtml+xml"),
                    maxBytes, timeout);
            String type = Optional.ofNullable(response.header("Content-Type")).orElse("text/html");
            if (response.status() != 200 || !type.toLowerCase(Locale.ROOT).contains("html")) {
                LOG.info("no full text from {}: HTTP {} {}", url, response.status(), type);
                return Optional.empty();
            }
            // jsoup honours the header's charset, else a <meta charset>, else UTF-8.
            Document page = Jsoup.parse(new ByteArrayInputStream(response.body()), charsetOf(type), url);
            String text = extractor.extract(page).text();
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("no full text from {}: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private static String charsetOf(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1)).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
