package io.newswire.streams.tagging.analysis;

/**
 * The one text of an article that is analysed: the title, a blank line, the body. The tagger and the desk
 * model read the same string (and so the same tokens at the same offsets), however they are called.
 */
public final class ArticleText {

    /** Longer articles are analysed on their first megabyte of text; the rest adds little and costs memory. */
    public static final int MAX_CHARS = 1 << 20;

    private ArticleText() {
    }

    /** The title, a blank line and the body (just the body when there is no title), cut at {@link #MAX_CHARS}. */
    public static String of(String title, String body) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        String all = t.isEmpty() ? b : t + "\n\n" + b;
        return all.length() > MAX_CHARS ? all.substring(0, MAX_CHARS) : all;
    }

    /** Characters of {@link #of} that are the title. */
    public static int titleLength(String title) {
        return title == null ? 0 : title.length();
    }

    /** Where the body starts in {@link #of}. */
    public static int bodyStart(String title) {
        return title == null || title.isEmpty() ? 0 : title.length() + 2;
    }
}
