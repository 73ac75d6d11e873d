package io.newswire.producer.fulltext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The article in a web page, without its boilerplate: navigation, headers and footers, ads, cookie
 * banners, share buttons, "related" and "more stories" lists, comments, scripts and styles are removed,
 * then the text of the element that holds the article (an {@code <article>}, {@code itemprop=articleBody},
 * {@code <main>}, else the element with the most paragraph text) is kept, one paragraph per block.
 */
public final class ArticleTextExtractor {

    /** Elements that are never article text. */
    private static final String NEVER_TEXT = "script, style, noscript, iframe, template, svg, canvas, form, button, "
            + "input, select, nav, header, footer, aside, figure figcaption, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], "
            + "[role=alertdialog]";
    /** Words in a class or id that mark boilerplate; matched as whole words of the name. */
    private static final Set<String> BOILERPLATE_WORDS = Set.of(
            "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar", "header",
            "masthead", "ad", "ads", "advert", "adverts", "advertisement", "sponsor", "sponsored", "promo",
            "banner", "cookie", "cookies", "consent", "gdpr", "share", "sharing", "social", "newsletter",
            "subscribe", "subscription", "related", "recommended", "recommendations", "outbrain", "taboola",
            "comments", "comment", "popup", "modal", "paywall", "trending", "popular", "tags", "byline-share");
    private static final Pattern NAME_WORDS = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> KEEP_ALWAYS = Set.of("html", "body", "main", "article");
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, blockquote, pre, li";

    /** Title, text and metadata of a page. */
    public record Extracted(String title, String text, String canonicalUrl, Instant publishedAt) {
    }

    /** The page's bytes, decoded as a browser would ({@link HtmlDecoder}); contentType may be null. */
    public Extracted extract(byte[] html, String contentType, String baseUri) {
        return extract(HtmlDecoder.decode(html, contentType).html(), baseUri);
    }

    public Extracted extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri == null ? "" : baseUri));
    }

    public Extracted extract(Document page) {
        String title = firstNonBlank(meta(page, "meta[property=og:title]"), text(page.selectFirst("h1")), page.title());
        String canonical = firstNonBlank(page.select("link[rel=canonical]").attr("abs:href"),
                meta(page, "meta[property=og:url]"));
        Instant published = parseInstant(firstNonBlank(meta(page, "meta[property=article:published_time]"),
                page.select("time[datetime]").attr("datetime")));
        return new Extracted(title, articleText2(page), canonical, published);
    }

    /** Only the article's text, for callers that have a title already. */
    public String text(String html, String baseUri) {
        return extract(html, baseUri).text();
    }

    private static String articleText2(Document page) {
        Element body = page.body();
        if (body == null) {
            return "";
        }
        TextBlocks blocks = TextBlocks.of(body);
        List<TextBlocks.Block> article = MainContent.select(blocks);
        List<String> paragraphs = new ArrayList<>();
        for (TextBlocks.Block block : article) {
            paragraphs.add(block.text());
        }
        return String.join("\n\n", paragraphs);
    }

    static void removeBoilerplate(Document page) {
        page.select(NEVER_TEXT).remove();
        for (Element element : page.getAllElements()) {
            if (!KEEP_ALWAYS.contains(element.normalName()) && element.parent() != null && isBoilerplate(element)) {
                element.remove();
            }
        }
    }

    private static boolean isBoilerplate(Element element) {
        String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        for (String word : NAME_WORDS.split(names)) {
            if (BOILERPLATE_WORDS.contains(word)) {
                return true;
            }
        }
        return element.hasAttr("style") && element.attr("style").replace(" ", "").contains("display:none");
    }

    private static String articleText(Document page) {
        Element root = articleRoot(page);
        List<String> paragraphs = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        Set<Element> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        counted.addAll(blocks);
        for (Element block : blocks) {
            // A list item or quote inside a block already counted is not new text; a list of links is not text.
            if (block.parents().stream().anyMatch(counted::contains)) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty() && !mostlyLinks(block, text)) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            return root.text().strip();
        }
        return String.join("\n\n", paragraphs);
    }

    private static Element articleRoot(Document page) {
        Elements candidates = page.select("[itemprop=articleBody]");
        if (candidates.isEmpty()) {
            candidates = page.select("article");
        }
        if (candidates.isEmpty()) {
            candidates = page.select("main, [role=main]");
        }
        if (candidates.isEmpty()) {
            // No semantic markup: the element whose own paragraphs carry the most text.
            candidates = new Elements();
            for (Element p : page.select("p")) {
                if (p.parent() != null) {
                    candidates.add(p.parent());
                }
            }
        }
        return candidates.stream()
                .max(Comparator.comparingInt(ArticleTextExtractor::paragraphTextLength))
                .orElse(page.body());
    }

    private static int paragraphTextLength(Element element) {
        int length = 0;
        for (Element p : element.select("p")) {
            length += p.text().length();
        }
        return length == 0 ? element.text().length() / 4 : length;
    }

    private static boolean mostlyLinks(Element block, String text) {
        int linkChars = 0;
        for (Element link : block.select("a")) {
            linkChars += link.text().length();
        }
        return linkChars > 0 && linkChars * 2 > text.length();
    }

    private static String meta(Document page, String selector) {
        Element element = page.selectFirst(selector);
        return element == null ? null : element.attr("content");
    }

    private static String text(Element element) {
        return element == null ? null : element.text();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static Instant parseInstant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
    }
}
