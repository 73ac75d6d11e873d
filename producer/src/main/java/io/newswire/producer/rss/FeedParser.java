package io.newswire.producer.rss;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newswire.producer.fulltext.HtmlText;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.xml.sax.InputSource;

/**
 * RSS 0.9x/1.0/2.0 and Atom to {@link FeedItem}s with Rome. The XML parser refuses any DOCTYPE, which is
 * what XXE and "billion laughs" attacks need: a hostile feed can neither read a local file nor exhaust memory.
 */
public final class FeedParser {

    /** A description at least this long is taken to be the whole article, not a teaser. */
    static final int FULL_TEXT_CHARS = 1000;

    /** The items of a feed and its declared language (e.g. "en"), or null. */
    public record ParsedFeed(List<FeedItem> items, String language) {
    }

    public ParsedFeed parse(byte[] xml) throws FeedFormatException {
        SyndFeedInput input = new SyndFeedInput();
        // Rome's default is already false; set it so that a change of default can never re-enable XXE.
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try {
            // From bytes, not a String, so that the XML declaration's encoding is honoured.
            feed = input.build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedFormatException("not a readable RSS or Atom feed: " + firstLine(e.getMessage()), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            FeedItem item = toItem(entry);
            if (item != null) {
                items.add(item);
            }
        }
        return new ParsedFeed(items, language(feed.getLanguage()));
    }

    private static FeedItem toItem(SyndEntry entry) {
        String link = blankToNull(entry.getLink());
        String title = blankToNull(HtmlText.toText(entry.getTitle()));
        String content = blankToNull(entry.getContents().stream()
                .map(SyndContent::getValue).map(HtmlText::toText)
                .filter(t -> t != null && !t.isBlank()).collect(Collectors.joining("\n\n")));
        String description = entry.getDescription() == null ? null
                : blankToNull(HtmlText.toText(entry.getDescription().getValue()));
        String text = content != null ? content : description;
        if (title == null && text == null) {
            return null;
        }
        String key = firstNonNull(blankToNull(entry.getUri()), link, title, text);
        boolean fullText = content != null || (description != null && description.length() >= FULL_TEXT_CHARS);
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new FeedItem(key, link, title == null ? "" : title, text == null ? "" : text, fullText,
                date == null ? null : date.toInstant());
    }

    private static String language(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        return declared.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
