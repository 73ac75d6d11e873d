package io.newswire.producer.fulltext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a page says about itself: title, publication time, canonical URL, language and author, from JSON-LD
 * ({@code NewsArticle} and kin) first, then Open Graph and {@code article:} meta tags, {@code <time>}, and a date
 * in the URL; and the JSON-LD {@code articleBody} when the page has one.
 */
record PageMetadata(String title, Instant publishedAt, String canonicalUrl, String language, String author,
                    String articleBody) {

    /** JSON-LD blocks beyond this size are not parsed (a page is capped at a few MiB anyway). */
    private static final int MAX_JSON_LD_CHARS = 1024 * 1024;
    private static final int MAX_JSON_NODES = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*");
    /**
     * A byline's leading "By", "Written by", "Von" (any case) or a lower-case "par", "por", "door", "av", "af" before a
     * capitalised name: the word says who wrote it, it is not part of the name ("von AUTO ZEITUNG"). "Von der Leyen"
     * and "da Silva" keep theirs: no capitalised word follows the particle, and "di"/"da"/"de" begin surnames.
     */
    private static final Pattern BYLINE_PREFIX = Pattern.compile(
            "^(?:(?i:(?:written\\s+)?by|von)|par|por|door|av|af)\\s+(?=\\p{Lu})");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

    static PageMetadata of(Document page, String url) {
        Tags tags = Tags.of(page);
        JsonLd ld = JsonLd.of(tags.jsonLd);
        String title = unescaped(firstNonBlank(ld.headline, tags.meta("og:title"), tags.meta("twitter:title"), tags.h1, page.title()));
        String canonical = firstNonBlank(tags.canonical, tags.meta("og:url"), ld.url);
        Instant published = firstInstant(ld.datePublished, tags.meta("article:published_time"),
                tags.meta("datepublished"), tags.itemDatePublished, tags.meta("date"), tags.meta("pubdate"),
                tags.meta("dc.date"), tags.meta("dc.date.issued"), tags.meta("dcterms.created"), tags.time);
        if (published == null) {
            published = urlDate(firstNonBlank(canonical, url));
        }
        String language = language(firstNonBlank(tags.htmlLang, ld.inLanguage, tags.meta("content-language"),
                tags.meta("og:locale")));
        String author = firstNonBlank(ld.author, tags.meta("author"), tags.meta("article:author"), tags.relAuthor,
                tags.itemAuthor);
        if (author != null && (author.startsWith("http://") || author.startsWith("https://") || author.length() > 200)) {
            author = null;
        }
        if (author != null) {
            author = BYLINE_PREFIX.matcher(unescaped(author)).replaceFirst("");
        }
        return new PageMetadata(title, published, canonical, language, author, ld.articleBody);
    }

    /** The elements metadata comes from, found in one walk over the page (not one walk per selector). */
    private static final class Tags {
        final Map<String, String> metas = new HashMap<>();
        final List<String> jsonLd = new ArrayList<>();
        String htmlLang;
        String canonical;
        String h1;
        String time;
        String itemDatePublished;
        String itemAuthor;
        String relAuthor;

        static Tags of(Document page) {
            Tags tags = new Tags();
            Element html = page.firstElementChild();
            tags.htmlLang = html == null ? null : html.attr("lang");
            for (Element element : page.getAllElements()) {
                tags.see(element);
            }
            return tags;
        }

        String meta(String key) {
            return metas.get(key);
        }

        private void see(Element element) {
            switch (element.normalName()) {
                case "meta" -> seeMeta(element);
                case "link" -> seeLink(element);
                case "script" -> {
                    if (element.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                        jsonLd.add(element.data());
                    }
                }
                case "h1" -> h1 = h1 == null ? element.text() : h1;
                case "time" -> time = time == null && element.hasAttr("datetime") ? element.attr("datetime") : time;
                default -> {
                    // microdata and rel=author on any element, below
                }
            }
            seeMicrodata(element);
            if (relAuthor == null && element.attr("rel").equalsIgnoreCase("author") && !element.normalName().equals("link")) {
                relAuthor = element.text();
            }
        }

        private void seeMeta(Element element) {
            String content = element.attr("content");
            for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String name = element.attr(key).toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !content.isBlank()) {
                    metas.putIfAbsent(name, content);
                }
            }
        }

        private void seeLink(Element element) {
            if (canonical == null && element.attr("rel").equalsIgnoreCase("canonical") && element.hasAttr("href")) {
                String absolute = element.attr("abs:href");
                canonical = absolute.isEmpty() ? element.attr("href") : absolute;
            }
        }

        private void seeMicrodata(Element element) {
            if (!element.hasAttr("itemprop")) {
                return;
            }
            String itemprop = element.attr("itemprop");
            if (itemDatePublished == null && itemprop.equals("datePublished")) {
                itemDatePublished = firstNonBlank(element.attr("datetime"), element.attr("content"), element.ownText());
            } else if (itemAuthor == null && itemprop.equals("author")) {
                Element name = element.selectFirst("[itemprop=name]");
                itemAuthor = firstNonBlank(element.attr("content"), name == null ? null : name.text(), element.ownText());
            }
        }
    }

    /** A BCP 47-ish tag as the page gives it, lower-cased language part ("de", "en-GB"), or null when malformed. */
    static String language(String value) {
        if (value == null) {
            return null;
        }
        String tag = value.strip().replace('_', '-');
        if (!LANGUAGE.matcher(tag).matches()) {
            return null;
        }
        int dash = tag.indexOf('-');
        return dash < 0 ? tag.toLowerCase(Locale.ROOT)
                : tag.substring(0, dash).toLowerCase(Locale.ROOT) + tag.substring(dash);
    }

    static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            // "2020-01-15T10:00:00+0100" (no colon in the offset), common in meta tags.
            return OffsetDateTime.parse(v, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]Z", Locale.ROOT))
                    .toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            // A local time: taken as UTC, the page gives no zone.
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant firstInstant(String... values) {
        for (String value : values) {
            Instant instant = parseInstant(value);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    static Instant urlDate(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * Metadata text with HTML entities decoded once more: CMSs escape titles twice in meta tags and JSON-LD
     * ("&amp;#8217;" arrives as "&#8217;", "Redacci&amp;oacute;n" as "Redacci&oacute;n"); 14 of 990 real pages did.
     */
    private static String unescaped(String text) {
        return text == null || text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false).strip();
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The fields of the page's JSON-LD article object (the first that has them), any {@code @graph} searched. */
    private static final class JsonLd {
        String headline;
        String datePublished;
        String author;
        String url;
        String inLanguage;
        String articleBody;

        static JsonLd of(List<String> scripts) {
            JsonLd ld = new JsonLd();
            for (String data : scripts) {
                if (data.length() > MAX_JSON_LD_CHARS) {
                    continue;
                }
                try {
                    ld.visit(JSON.readTree(data.strip()));
                } catch (JsonProcessingException e) {
                    // Broken JSON-LD is common; the other sources still count.
                }
            }
            return ld;
        }

        private void visit(JsonNode root) {
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.push(root);
            int seen = 0;
            while (!todo.isEmpty() && seen++ < MAX_JSON_NODES) {
                JsonNode node = todo.pop();
                if (node.isArray()) {
                    node.forEach(todo::add);
                    continue;
                }
                if (!node.isObject()) {
                    continue;
                }
                if (isArticle(node)) {
                    headline = firstNonBlank(headline, string(node.get("headline")));
                    datePublished = firstNonBlank(datePublished, string(node.get("datePublished")),
                            string(node.get("dateCreated")));
                    author = firstNonBlank(author, name(node.get("author")));
                    url = firstNonBlank(url, string(node.get("url")), string(node.get("mainEntityOfPage")));
                    inLanguage = firstNonBlank(inLanguage, string(node.get("inLanguage")));
                    articleBody = firstNonBlank(articleBody, string(node.get("articleBody")), string(node.get("text")));
                }
                node.forEach(child -> {
                    if (child.isContainerNode()) {
                        todo.add(child);
                    }
                });
            }
        }

        private static boolean isArticle(JsonNode node) {
            JsonNode type = node.get("@type");
            String types = type == null ? "" : type.isArray() ? type.toString() : type.asText();
            return types.contains("Article") || types.contains("BlogPosting") || types.contains("Report")
                    || types.contains("NewsArticle") || types.contains("LiveBlogPosting");
        }

        private static String string(JsonNode node) {
            if (node == null) {
                return null;
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isObject() && node.has("@id")) {
                return node.get("@id").asText();
            }
            return null;
        }

        private static String name(JsonNode node) {
            if (node == null) {
                return null;
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isArray()) {
                StringBuilder names = new StringBuilder();
                for (JsonNode one : node) {
                    String name = name(one);
                    if (name != null && !name.isBlank()) {
                        names.append(names.length() == 0 ? "" : ", ").append(name.strip());
                    }
                }
                return names.length() == 0 ? null : names.toString();
            }
            return node.isObject() && node.get("name") != null ? node.get("name").asText() : null;
        }
    }
}
