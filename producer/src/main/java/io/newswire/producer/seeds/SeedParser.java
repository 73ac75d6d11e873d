package io.newswire.producer.seeds;

import io.newswire.common.Article;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one messy seed text into a clean {@link Article}.
 *
 * <p>The seed format: an optional leading {@code  date YYYY-MM-DD} marker, then the title (or the lead
 * paragraph, whose first sentence becomes the title) on the same line, then the body. Bodies carry site
 * junk: bare ad URLs, navigation labels, lone dashes, a "More on the topic" block of related links. The
 * junk is removed; an article is never dropped for being messy.
 */
public final class SeedParser {

    /** Source label of replayed seeds (DESIGN.md). */
    public static final String SOURCE = "seed";

    private static final Pattern DATE_MARKER = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\s*(.*)$");
    /** A wire-service tag such as "(MENAFN- UkrinForm)" in front of the title. */
    private static final Pattern AGENCY_PREFIX = Pattern.compile("^\\([A-Z][A-Za-z]*-[^)]{0,60}\\)\\s*");
    private static final Pattern BARE_URL = Pattern.compile("^(https?://|www\\.)\\S+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"”’']?\\s+(?=[\"“‘A-Z0-9])");
    /** Leading bullets and dashes that navigation lists put in front of their labels. */
    private static final Pattern LIST_MARK = Pattern.compile("^[\\s\\-–—•●·*]+");
    /** Navigation labels that are never article text, compared after lowercasing and trimming. */
    private static final Set<String> NAVIGATION_LABELS = Set.of(
            "category", "publication date", "додати до обраного", "add to favourites", "add to favorites",
            "share", "read also", "read more", "advertisement", "tags");
    /** Everything after one of these headings is a list of other articles. */
    private static final Set<String> RELATED_HEADINGS = Set.of("more on the topic", "related articles", "related news");
    private static final int MAX_TITLE_CHARS = 300;

    private final Clock clock;

    public SeedParser(Clock clock) {
        this.clock = clock;
    }

    /** The article in {@code text}, with {@code publishedAt} from the date marker when there is one. */
    public Article parse(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        String firstLine = first < lines.size() ? lines.get(first).strip() : "";
        Instant publishedAt = null;
        Matcher marker = DATE_MARKER.matcher(firstLine);
        if (marker.matches()) {
            publishedAt = parseDay(marker.group(1));
            firstLine = marker.group(2).strip();
        }
        firstLine = AGENCY_PREFIX.matcher(firstLine).replaceFirst("");

        String[] sentences = SENTENCE_END.split(firstLine, 2);
        String title = truncate(sentences[0].strip());
        List<String> bodyLines = new ArrayList<>();
        // A lead paragraph of several sentences is article text: keep it whole in the body.
        if (sentences.length > 1) {
            bodyLines.add(firstLine);
        }
        bodyLines.addAll(lines.subList(Math.min(first + 1, lines.size()), lines.size()));
        String body = cleanBody(bodyLines);
        if (title.isEmpty() && !body.isEmpty()) {
            title = truncate(SENTENCE_END.split(body, 2)[0]);
        }
        return Article.create(SOURCE, null, title, body, publishedAt, clock.instant(), "en");
    }

    /** Body text without junk lines, paragraphs separated by one blank line. */
    static String cleanBody(List<String> lines) {
        StringBuilder body = new StringBuilder();
        boolean paragraphBreak = false;
        for (String raw : lines) {
            String line = raw.strip();
            String label = LIST_MARK.matcher(line).replaceFirst("").strip().toLowerCase(Locale.ROOT);
            if (RELATED_HEADINGS.contains(label)) {
                break;
            }
            if (label.isEmpty() || NAVIGATION_LABELS.contains(label) || BARE_URL.matcher(label).matches()) {
                paragraphBreak = paragraphBreak || label.isEmpty();
                continue;
            }
            if (body.length() > 0) {
                body.append(paragraphBreak ? "\n\n" : "\n");
            }
            body.append(line);
            paragraphBreak = false;
        }
        return body.toString();
    }

    private static Instant parseDay(String day) {
        try {
            return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // An impossible date in the marker is treated as no date; the text or ingestion time dates it.
            return null;
        }
    }

    private static String truncate(String title) {
        if (title.length() <= MAX_TITLE_CHARS) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE_CHARS);
        return title.substring(0, cut > 0 ? cut : MAX_TITLE_CHARS) + "…";
    }
}
