package io.newswire.producer.fulltext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article in a web page, without its boilerplate (navigation, headers and footers, ads, cookie banners,
 * share buttons, bylines, "related" lists, comments), one paragraph per block, with the page's metadata.
 *
 * <p>The body is walked once into text blocks ({@link TextBlocks}); the article is the best-scoring element
 * and its close siblings, Readability-style ({@link MainContent}); when the page's JSON-LD carries an
 * {@code articleBody} clearly longer than what was found, that text is used instead. Work is linear in the page.
 */
public final class ArticleTextExtractor {

    /** Title, text and metadata of a page; any field but {@code text} may be null. */
    public record Extracted(String title, String text, String canonicalUrl, Instant publishedAt, String language,
                            String author) {
    }

    /** The page's bytes, decoded as a browser would ({@link HtmlDecoder}); {@code contentType} may be null. */
    public Extracted extract(byte[] html, String contentType, String baseUri) {
        return extract(HtmlDecoder.decode(html, contentType).html(), baseUri);
    }

    public Extracted extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri == null ? "" : baseUri));
    }

    public Extracted extract(Document page) {
        PageMetadata metadata = PageMetadata.of(page, page.location());
        return new Extracted(metadata.title(), articleText(page, metadata), metadata.canonicalUrl(),
                metadata.publishedAt(), metadata.language(), metadata.author());
    }

    /** Only the article's text, for callers that have a title already. */
    public String text(String html, String baseUri) {
        return extract(html, baseUri).text();
    }

    private static String articleText(Document page, PageMetadata metadata) {
        Element body = page.body();
        if (body == null) {
            return "";
        }
        List<TextBlocks.Block> article = MainContent.select(TextBlocks.of(body));
        List<String> paragraphs = new ArrayList<>();
        for (TextBlocks.Block block : article) {
            paragraphs.add(block.text());
        }
        String text = String.join("\n\n", paragraphs);
        String structured = metadata.articleBody() == null ? null : HtmlText.toText(metadata.articleBody());
        if (structured != null && structured.length() > 2 * text.length()) {
            return structured;
        }
        return text;
    }
}
