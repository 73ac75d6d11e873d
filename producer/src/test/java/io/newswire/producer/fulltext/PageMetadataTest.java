package io.newswire.producer.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Title, publication time, canonical URL, language and author, from the sources pages use for them. */
class PageMetadataTest {

    private final ArticleTextExtractor extractor = new ArticleTextExtractor();

    private static String page(String head, String body) {
        return "<html lang=\"en-GB\"><head>" + head + "</head><body>" + body
                + "<article><p>Enough words for the article to be found, with a comma or two, here.</p></article></body></html>";
    }

    @Test
    void shouldPreferJsonLdForTitleDateAndAuthor() {
        String head = "<title>Site title | Paper</title><meta property=\"og:title\" content=\"OG title\">"
                + "<meta property=\"article:published_time\" content=\"2026-01-02T03:04:05Z\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Troops gather\",\"datePublished\":\"2026-11-20T12:00:00+01:00\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"@type\":\"Person\",\"name\":\"Bo Kim\"}]}]}</script>";

        ArticleTextExtractor.Extracted page = extractor.extract(page(head, ""), "https://example.org/a");

        assertThat(page.title()).isEqualTo("Troops gather");
        assertThat(page.publishedAt()).hasToString("2026-11-20T11:00:00Z");
        assertThat(page.author()).isEqualTo("Ann Lee, Bo Kim");
        assertThat(page.language()).isEqualTo("en-GB");
    }

    @Test
    void shouldFallBackToMetaTagsThenTimeThenTheUrl() {
        ArticleTextExtractor.Extracted meta = extractor.extract(page(
                "<meta property=\"article:published_time\" content=\"2026-03-04T10:00:00+0200\"><meta name=\"author\" content=\"Cy Doe\">",
                "<time datetime=\"2020-01-01\">old</time>"), null);
        ArticleTextExtractor.Extracted time = extractor.extract(page("", "<time datetime=\"2025-12-24T18:00\">Dec 24</time>"), null);
        ArticleTextExtractor.Extracted url = extractor.extract(page("", ""), "https://example.org/news/2024/07/09/story.html");

        assertThat(meta.publishedAt()).hasToString("2026-03-04T08:00:00Z");
        assertThat(meta.author()).isEqualTo("Cy Doe");
        assertThat(time.publishedAt()).hasToString("2025-12-24T18:00:00Z");
        assertThat(url.publishedAt()).hasToString("2024-07-09T00:00:00Z");
    }

    @Test
    void shouldDropABylinesByButKeepSurnameParticles() {
        assertThat(authorOf("von AUTO ZEITUNG")).isEqualTo("AUTO ZEITUNG");
        assertThat(authorOf("By Jane Doe")).isEqualTo("Jane Doe");
        assertThat(authorOf("written by Jane Doe")).isEqualTo("Jane Doe");
        assertThat(authorOf("par Marie Dupont")).isEqualTo("Marie Dupont");
        assertThat(authorOf("Von der Leyen")).isEqualTo("Von der Leyen");
        assertThat(authorOf("da Silva")).isEqualTo("da Silva");
        assertThat(authorOf("Byron Kim")).isEqualTo("Byron Kim");
        assertThat(authorOf("by the desk")).as("no name follows").isEqualTo("by the desk");
        assertThat(authorOf("Von Vanessa Franke")).isEqualTo("Vanessa Franke");
        assertThat(authorOf("Lindsey O&amp;#039;Donnell")).isEqualTo("Lindsey O'Donnell");
    }

    @Test
    void shouldDecodeEntitiesThatAPageEscapedTwiceInItsTitle() {
        ArticleTextExtractor.Extracted page = extractor.extract(page(
                "<meta property=\"og:title\" content=\"Rock &amp;#038; roll &amp;#8211; the &amp;quot;best&amp;quot;\">", ""), null);

        assertThat(page.title()).isEqualTo("Rock & roll \u2013 the \"best\"");
    }

    private String authorOf(String byline) {
        return extractor.extract(page("<meta name=\"author\" content=\"" + byline + "\">", ""), null).author();
    }

    @Test
    void shouldResolveTheCanonicalUrlAndIgnoreBrokenJsonLd() {
        String head = "<link rel=\"canonical\" href=\"/story\"><script type=\"application/ld+json\">{not json</script>"
                + "<meta property=\"og:title\" content=\"OG title\">";

        ArticleTextExtractor.Extracted page = extractor.extract(page(head, ""), "https://example.org/a?utm=x");

        assertThat(page.canonicalUrl()).isEqualTo("https://example.org/story");
        assertThat(page.title()).isEqualTo("OG title");
    }

    @Test
    void shouldUseTheJsonLdArticleBodyWhenThePageShowsLittleOfIt() {
        String body = "A long article body. ".repeat(40).strip();
        String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" + body + "\"}</script>";

        ArticleTextExtractor.Extracted page = extractor.extract(page(head, ""), null);

        assertThat(page.text()).isEqualTo(body);
    }
}
