package io.newswire.producer.fulltext;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML snippets (feed descriptions, content:encoded) to plain text, one paragraph per block. */
public final class HtmlText {

    private HtmlText() {
    }

    /** Plain text of an HTML fragment; markup, scripts and styles are dropped. Null stays null. */
    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip();
        }
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select("script, style, noscript, iframe, template").remove();
        List<String> paragraphs = new ArrayList<>();
        for (Element block : fragment.body().select("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre")) {
            if (block.parents().stream().noneMatch(p -> p.is("p, li, blockquote, pre"))) {
                String text = block.text().strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        String all = fragment.body().text().strip();
        // Text outside any block (a bare description with <br>s) would be lost by the block walk: keep it all then.
        int blockChars = paragraphs.stream().mapToInt(String::length).sum();
        if (paragraphs.isEmpty() || blockChars < all.length() * 9 / 10) {
            return all;
        }
        return String.join("\n\n", paragraphs);
    }
}
