package io.newswire.streams.tagging.analysis;

/**
 * The one text of an article that is analysed: the title, a blank line and the body (just the body when there
 * is no title), cut at {@link #MAX_CHARS}. The tagger and the desk model read the same chars (and so the same
 * tokens at the same offsets), however they are called; it is copied into a reused buffer ({@link #copy}), never
 * concatenated.
 */
public final class ArticleText {

    /** Longer articles are analysed on their first megabyte of text; the rest adds little and costs memory. */
    public static final int MAX_CHARS = 1 << 20;

    private ArticleText() {
    }

    /** How many chars the text has. */
    public static int length(String title, String body) {
        int t = title == null ? 0 : title.length();
        int b = body == null ? 0 : body.length();
        long all = t == 0 ? b : (long) t + 2 + b;
        return (int) Math.min(all, MAX_CHARS);
    }

    /**
     * Copies the text's chars into {@code into} (at least {@link #length} long): an article's text is read from a
     * reused buffer, not from a new concatenation per article.
     */
    public static void copy(String title, String body, char[] into) {
        int n = length(title, body);
        int at = 0;
        if (title != null && !title.isEmpty()) {
            at = Math.min(title.length(), n);
            title.getChars(0, at, into, 0);
            for (int k = 0; k < 2 && at < n; k++) {
                into[at++] = '\n';
            }
        }
        if (body != null) {
            body.getChars(0, n - at, into, at);
        }
    }

    /** Characters of the text that are the title. */
    public static int titleLength(String title) {
        return title == null ? 0 : title.length();
    }

    /** Where the body starts in the text. */
    public static int bodyStart(String title) {
        return title == null || title.isEmpty() ? 0 : title.length() + 2;
    }
}
