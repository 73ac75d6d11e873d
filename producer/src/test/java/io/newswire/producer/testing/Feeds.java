package io.newswire.producer.testing;

import java.nio.file.Path;

/** Feed documents for the tests: RSS 2.0, Atom, an XXE attempt, a malformed one, a page with boilerplate. */
public final class Feeds {

    private Feeds() {
    }

    /** One RSS item: {@code <guid>}, link, title and an HTML description. */
    public static String rssItem(String guid, String link, String title, String descriptionHtml) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>" + link + "</link><title>" + title
                + "</title><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><description><![CDATA[" + descriptionHtml
                + "]]></description></item>";
    }

    /** An RSS 2.0 feed; items newest first, as feeds list them. */
    public static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test wire</title>"
                + "<link>http://example.org/</link><description>test</description><language>en-gb</language>"
                + String.join("", items) + "</channel></rss>";
    }

    /** An Atom feed with one entry carrying its full content. */
    public static String atom(String id, String link, String title, String contentHtml) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Atom wire</title><id>urn:test:atom</id><updated>2026-11-23T09:00:00Z</updated>"
                + "<entry><id>" + id + "</id><title>" + title + "</title><link href=\"" + link + "\"/>"
                + "<updated>2026-11-23T09:00:00Z</updated><published>2026-11-22T07:30:00Z</published>"
                + "<content type=\"html\"><![CDATA[" + contentHtml + "]]></content></entry></feed>";
    }

    /** A feed whose entity would pull in {@code secretFile} if the parser resolved external entities. */
    public static String xxe(Path secretFile) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secretFile.toUri() + "\">]>\n<rss version=\"2.0\"><channel><title>Evil</title><link>http://evil/</link>"
                + "<description>x</description><item><guid>evil-1</guid><link>http://evil/1</link>"
                + "<title>Leak &xxe;</title><description>&xxe;</description></item></channel></rss>";
    }

    public static String malformed() {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken<item></channel>";
    }

    /** Words that appear only in the boilerplate of {@link #articlePage}. */
    public static final String[] BOILERPLATE = {
        "Home", "World section", "We use cookies", "Accept all", "Buy cheap flights", "Related stories",
        "Other story one", "Copyright Test Wire", "Subscribe to our newsletter", "trackPageView", "Share on X",
    };

    /** A news page: the article between navigation, a cookie banner, ads, a related list and a footer. */
    public static String articlePage(String title, String... paragraphs) {
        StringBuilder article = new StringBuilder();
        for (String p : paragraphs) {
            article.append("<p>").append(p).append("</p>");
        }
        return "<!DOCTYPE html><html><head><title>" + title + " | Test Wire</title>"
                + "<script>trackPageView('x');</script><style>.ad{color:red}</style></head><body>"
                + "<div id=\"cookie-banner\">We use cookies to improve your experience. <button>Accept all</button></div>"
                + "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World section</a></li></ul></nav></header>"
                + "<main><article><h1>" + title + "</h1>"
                + "<div class=\"share-buttons\"><a href=\"#\">Share on X</a></div>"
                + article
                + "<div class=\"ad-slot\">Buy cheap flights now!</div>"
                + "</article>"
                + "<section class=\"related-stories\"><h2>Related stories</h2><ul><li><a href=\"/o1\">Other story one</a></li>"
                + "<li><a href=\"/o2\">Other story two</a></li></ul></section></main>"
                + "<aside><div class=\"newsletter\">Subscribe to our newsletter</div></aside>"
                + "<footer><p>Copyright Test Wire 2026</p></footer></body></html>";
    }
}
