package io.newswire.streams.dating;

import io.newswire.common.Article;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the day of an article: its published date, else the latest full date written in its text
 * that is not after it was ingested, else the day it was ingested. Days are in UTC.
 */
public final class DayResolver {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11),
            Map.entry("december", 12));
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December)";
    /** 2024-10-15 */
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    /** October 15, 2024 / October 15 2024 */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    /** 15 October 2024 */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    /** Only the start of a long body is searched: the dateline and lead carry the date. */
    private static final int MAX_SCANNED_CHARS = 20_000;

    /**
     * @param fallbackIngestedAt the record's timestamp, used when the article has no {@code ingestedAt}
     */
    public ResolvedDay resolve(Article article, Instant fallbackIngestedAt) {
        if (article.publishedAt() != null) {
            return new ResolvedDay(utcDay(article.publishedAt()), DaySource.PUBLISHED);
        }
        Instant ingestedAt = article.ingestedAt() != null ? article.ingestedAt() : fallbackIngestedAt;
        LocalDate ingestedDay = utcDay(ingestedAt);
        Optional<LocalDate> written = latestWrittenDate(text(article), ingestedDay);
        return written.map(day -> new ResolvedDay(day, DaySource.TEXT))
                .orElseGet(() -> new ResolvedDay(ingestedDay, DaySource.INGESTED));
    }

    /** The latest full date in {@code text} that is not after {@code notAfter}. */
    static Optional<LocalDate> latestWrittenDate(String text, LocalDate notAfter) {
        String scanned = text.length() > MAX_SCANNED_CHARS ? text.substring(0, MAX_SCANNED_CHARS) : text;
        LocalDate latest = null;
        Matcher iso = ISO.matcher(scanned);
        while (iso.find()) {
            latest = later(latest, date(iso.group(1), iso.group(2), iso.group(3)), notAfter);
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(scanned);
        while (mdy.find()) {
            latest = later(latest, date(mdy.group(3), month(mdy.group(1)), mdy.group(2)), notAfter);
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(scanned);
        while (dmy.find()) {
            latest = later(latest, date(dmy.group(3), month(dmy.group(2)), dmy.group(1)), notAfter);
        }
        return Optional.ofNullable(latest);
    }

    private static LocalDate later(LocalDate current, LocalDate candidate, LocalDate notAfter) {
        if (candidate == null || candidate.isAfter(notAfter)) {
            return current;
        }
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    private static String month(String name) {
        return String.valueOf(MONTHS.get(name.toLowerCase(Locale.ROOT)));
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null; // "February 30, 2024" is not a date
        }
    }

    private static String text(Article article) {
        String title = article.title() == null ? "" : article.title();
        String body = article.body() == null ? "" : article.body();
        return title + "\n" + body;
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
