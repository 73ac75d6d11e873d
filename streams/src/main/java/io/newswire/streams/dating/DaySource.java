package io.newswire.streams.dating;

import java.util.Locale;

/** Where an article's day came from, recorded in {@code TaggedArticle.daySource}. */
public enum DaySource {
    /** The publisher's own date. */
    PUBLISHED,
    /** A full date written in the article's text. */
    TEXT,
    /** Neither was known: the day the pipeline received it. */
    INGESTED;

    /** The JSON value of DESIGN.md: {@code published}, {@code text} or {@code ingested}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
