package io.newswire.common.validation;

/**
 * Characters a one-line field (id, source, URL, title, language) must not hold, because they change how
 * text shows rather than what it says: C0 and C1 control characters (an ANSI escape sequence starts with
 * one), DEL, the Unicode bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069: a title that
 * renders reversed), and lone surrogates (not text at all, and not encodable as UTF-8). A body is prose and may
 * hold tabs, newlines and escapes, but never NUL or a lone surrogate.
 */
public final class TextHygiene {

    private TextHygiene() {
    }

    /** A description of the first character a one-line field must not hold, or null when there is none. */
    public static String lineProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && c != '\t' || isBidiControl(c)) {
                return String.format("character U+%04X at %d", (int) c, i);
            }
            if (Character.isSurrogate(c)) {
                if (isPair(text, i)) {
                    i++;
                } else {
                    return String.format("lone surrogate U+%04X at %d", (int) c, i);
                }
            }
        }
        return null;
    }

    /** A description of the first NUL or lone surrogate in a body, or null when there is none. */
    public static String bodyProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "NUL character at " + i;
            }
            if (Character.isSurrogate(c)) {
                if (isPair(text, i)) {
                    i++;
                } else {
                    return String.format("lone surrogate U+%04X at %d", (int) c, i);
                }
            }
        }
        return null;
    }

    /**
     * The one-line field with what {@link #lineProblem} refuses taken out (whitespace controls become a
     * space): what newswire's own sources do with a scraped or posted title before they publish it.
     */
    public static String cleanLine(String text) {
        if (text == null || lineProblem(text) == null) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                clean.append(' ');
            } else if (Character.isSurrogate(c)) {
                if (isPair(text, i)) {
                    clean.append(c).append(text.charAt(++i));
                }
            } else if (!isControl(c) && !isBidiControl(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isPair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
