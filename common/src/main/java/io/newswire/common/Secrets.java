package io.newswire.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text meant for people: console messages and log lines. It covers what newswire is
 * handed: {@code password=…} in JDBC URLs and in {@code sasl.jaas.config} (quoted or not), any
 * {@code *.password=…} client setting (truststore, keystore, key), and {@code user:password@} in URLs.
 */
public final class Secrets {

    public static final String MASK = "***";

    /** {@code password=}, {@code ssl.truststore.password = }, {@code password="…"}: keep the name, mask the value. */
    private static final Pattern NAMED = Pattern.compile(
            "(?i)(\\b[\\w.-]*password\\s*[=:]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s&;,\"')\\]}]+)");
    /** {@code scheme://user:secret@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(://[^/@:\\s]+:)[^/@\\s]+@");

    private Secrets() {
    }

    /** The text with every password value replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        if (containsIgnoreCase(masked, "password")) {
            masked = NAMED.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                    + (m.group(2).startsWith("\"") ? "\"" + MASK + "\"" : MASK)));
        }
        if (masked.indexOf('@') >= 0 && masked.contains("://")) {
            masked = USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
        }
        return masked;
    }

    private static boolean containsIgnoreCase(String text, String word) {
        int n = word.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
