package io.newswire.producer.fulltext;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of a web page to text, with the charset a browser would use (WHATWG encoding sniffing, simplified):
 * a byte order mark, else the HTTP {@code Content-Type} charset, else a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type">} (or an XML declaration) near the top of the page, else UTF-8 when the
 * bytes are valid UTF-8 and windows-1252 when they are not. Labels map as browsers map them: ISO-8859-1 and
 * US-ASCII are read as windows-1252, GB2312 as GBK, Shift_JIS as windows-31j. Undecodable bytes become U+FFFD.
 */
public final class HtmlDecoder {

    /** How far into the page a charset declaration is looked for (browsers look at 1024 bytes, then keep looking while parsing the head). */
    static final int PRESCAN_BYTES = 16 * 1024;
    private static final Pattern CONTENT_TYPE_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET =
            Pattern.compile("\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECLARATION =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    /** WHATWG label aliases where Java's charset of the same name differs from what browsers decode. */
    private static final Map<String, String> BROWSER_LABELS = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"), Map.entry("l1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"), Map.entry("latin5", "windows-1254"),
            Map.entry("iso-8859-11", "x-windows-874"), Map.entry("tis-620", "x-windows-874"),
            Map.entry("windows-874", "x-windows-874"),
            Map.entry("gb2312", "GBK"), Map.entry("gb_2312-80", "GBK"), Map.entry("x-gbk", "GBK"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("shift-jis", "windows-31j"), Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"), Map.entry("ms_kanji", "windows-31j"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("x-user-defined", "windows-1252"));

    /** The decoded page and the charset used, and where it came from (for diagnostics and tests). */
    public record Decoded(String html, Charset charset, String source) {
    }

    private HtmlDecoder() {
    }

    /**
     * @param contentType the HTTP {@code Content-Type} header, or null for a file
     */
    public static Decoded decode(byte[] bytes, String contentType) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(decode(bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "bom");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(decode(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "bom");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(decode(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "bom");
        }
        Charset header = contentType == null ? null : fromContentType(contentType);
        if (header != null) {
            return new Decoded(decode(bytes, 0, header), header, "http");
        }
        Charset declared = declaredInPage(bytes);
        if (declared != null) {
            return new Decoded(decode(bytes, 0, declared), declared, "meta");
        }
        Charset sniffed = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        return new Decoded(decode(bytes, 0, sniffed), sniffed, "sniffed");
    }

    /** The charset of a {@code Content-Type} value such as {@code text/html; charset=ISO-8859-1}, or null. */
    public static Charset fromContentType(String contentType) {
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? forLabel(m.group(1)) : null;
    }

    /** The charset a browser uses for an encoding label, or null when it knows none. */
    public static Charset forLabel(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        // A page cannot be declared UTF-16 from inside itself (its ASCII-compatible bytes were just read): UTF-8.
        if (key.startsWith("utf-16") || key.equals("utf8") || key.equals("unicode-1-1-utf-8")) {
            return StandardCharsets.UTF_8;
        }
        String name = BROWSER_LABELS.getOrDefault(key, label.strip());
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static Charset declaredInPage(byte[] bytes) {
        // Declarations are ASCII: reading the head as ISO-8859-1 keeps every byte one char and changes none of them.
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECLARATION.matcher(head);
        Charset xmlCharset = xml.find() ? forLabel(xml.group(1)) : null;
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            // <meta charset=x>, or <meta http-equiv=Content-Type content="text/html; charset=x">.
            Matcher charset = META_CHARSET.matcher(meta.group());
            Charset found = charset.find() ? forLabel(charset.group(1)) : null;
            if (found != null) {
                return found;
            }
        }
        return xmlCharset;
    }

    /** True when the bytes are well-formed UTF-8 (a page cut at a size cap may end inside a character). */
    static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // Not the end of input: an incomplete last character is left unread instead of reported.
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length), false);
        return !result.isError();
    }

    private static String decode(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reported an error", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
