package io.newswire.producer.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.producer.testing.Feeds;
import org.junit.jupiter.api.Test;

class ArticleTextExtractorTest {

    private final ArticleTextExtractor extractor = new ArticleTextExtractor();

    @Test
    void shouldKeepTheArticleAndDropEveryKindOfBoilerplate() {
        String page = Feeds.articlePage("Troops gather", "North Korean troops gathered near the border.",
                "Officials said 11,000 soldiers had arrived.");

        ArticleTextExtractor.Extracted extracted = extractor.extract(page, "https://example.org/a");

        assertThat(extracted.title()).isEqualTo("Troops gather");
        assertThat(extracted.text()).isEqualTo("North Korean troops gathered near the border.\n\n"
                + "Officials said 11,000 soldiers had arrived.");
        assertThat(extracted.text()).doesNotContain(Feeds.BOILERPLATE);
    }

    @Test
    void shouldFindTheTextWithoutSemanticMarkup() {
        String page = "<html><body><div class=\"menu\"><a href=\"/\">Home</a></div>"
                + "<div id=\"content\"><p>Paragraph one is the story.</p><p>Paragraph two continues it.</p></div>"
                + "<div class=\"cookie-consent\"><p>We use cookies</p></div></body></html>";

        String text = extractor.text(page, null);

        assertThat(text).isEqualTo("Paragraph one is the story.\n\nParagraph two continues it.");
    }

    @Test
    void shouldReadCanonicalUrlAndPublicationTime() {
        String page = "<html><head><link rel=\"canonical\" href=\"https://example.org/story\">"
                + "<meta property=\"article:published_time\" content=\"2026-11-20T12:00:00+01:00\"></head>"
                + "<body><article><p>Text.</p></article></body></html>";

        ArticleTextExtractor.Extracted extracted = extractor.extract(page, null);

        assertThat(extracted.canonicalUrl()).isEqualTo("https://example.org/story");
        assertThat(extracted.publishedAt()).hasToString("2026-11-20T11:00:00Z");
    }

    @Test
    void shouldTurnFeedHtmlIntoParagraphs() {
        assertThat(HtmlText.toText("<p>One <b>bold</b> line.</p><p>Two &amp; three.</p><script>x()</script>"))
                .isEqualTo("One bold line.\n\nTwo & three.");
        assertThat(HtmlText.toText("Plain text, no markup")).isEqualTo("Plain text, no markup");
        assertThat(HtmlText.toText("line one<br>line two")).isEqualTo("line one line two");
    }

    @Test
    void shouldKeepTheStandfirstBetweenTheHeadlineAndTheBody() {
        String page = "<html><body><article><header><h1>Storm hits the coast</h1>"
                + "<p class=\"intro\">A storm with winds of 120 km/h hit the northern coast on Monday night.</p>"
                + "<p>By Ann Lee</p></header>"
                + "<div class=\"body\"><p>" + "Thousands of homes lost power, officials said, and schools stayed shut. ".repeat(3)
                + "</p><p>" + "Repairs will take days, the utility said, as crews reach the worst-hit towns. ".repeat(3)
                + "</p></div></article></body></html>";

        String text = extractor.text(page, null);

        assertThat(text).startsWith("A storm with winds of 120 km/h hit the northern coast on Monday night.\n\n")
                .contains("Repairs will take days").doesNotContain("By Ann Lee").doesNotContain("Storm hits");
    }

    @Test
    void shouldPreferTheNamedArticleContainerWhenItHoldsClearlyMoreText() {
        // The story is split into many short blocks; a list of tags with many commas outscores each of them.
        StringBuilder story = new StringBuilder("<main><div class=\"entry-content\">");
        for (int i = 1; i <= 8; i++) {
            story.append("<div><p>Part ").append(i).append(" of the story tells what the council decided today.</p></div>");
        }
        story.append("</div></main>");
        String tags = "<div class=\"wrap\"><div><p>" + "harbour, council, budget, ".repeat(12) + "</p></div></div>";
        String page = "<html><body>" + story + tags + "</body></html>";

        String text = extractor.text(page, null);

        assertThat(text).contains("Part 1 of the story", "Part 8 of the story").doesNotContain("harbour");
    }

    @Test
    void shouldFallBackToAllProseWhenTheBestScoringBoxIsMuchShorter() {
        // Each section of the report sits alone in deep layout wrappers, so none of their ancestors scores much;
        // a short paragraph full of commas outscores them all.
        StringBuilder page = new StringBuilder("<html><body><div class=\"box\"><div><div><p>"
                + "The weather today, as forecast, is mild, dry, calm, and sunny, with light winds, they said.</p></div></div></div>");
        for (int i = 1; i <= 6; i++) {
            page.append("<div class=\"row\"><div class=\"col\"><div class=\"cell\"><div class=\"inner\"><div><p>Section ")
                    .append(i).append(" of the report explains what the council decided about the harbour.</p></div></div></div></div></div>");
        }
        page.append("<div class=\"row\"><div class=\"col\"><p><a href=\"/more\">More stories about the harbour and the council</a></p>")
                .append("</div></div></body></html>");

        String text = extractor.text(page.toString(), null);

        assertThat(text).contains("Section 1 of the report", "Section 6 of the report").doesNotContain("More stories");
    }

    @Test
    void shouldKeepReaderCommentsButNotTheCommentForm() {
        String page = "<html><body><article><div class=\"entry-content\"><p>"
                + "The bridge reopened on Friday after two years of repairs, the city said. ".repeat(4) + "</p></div></article>"
                + "<div id=\"comments\"><ol class=\"comment-list\"><li class=\"comment\"><div class=\"comment-author\">Ann</div>"
                + "<div class=\"comment-content\"><p>Finally! My commute just got twenty minutes shorter.</p></div>"
                + "<a class=\"comment-reply-link\" href=\"#\">Reply</a></li></ol>"
                + "<div id=\"respond\"><p class=\"comment-notes\">Your email address will not be published.</p></div></div>"
                + "</body></html>";

        String text = extractor.text(page, null);

        assertThat(text).contains("The bridge reopened", "My commute just got twenty minutes shorter.")
                .doesNotContain("Your email address").doesNotContain("Reply");
    }

    @Test
    void shouldDropShortTrailingLinesInContainersOfTheirOwn() {
        String page = "<html><body><article><div class=\"text\"><p>"
                + "The ferry service resumes next week, the operator said, after the storm damage was repaired. ".repeat(3)
                + "</p><p>Tickets are on sale from Monday.</p>"
                + "<div class=\"source\"><p>Source: City Press Office</p></div><div class=\"tools\"><p>Print</p></div>"
                + "</div></article></body></html>";

        String text = extractor.text(page, null);

        assertThat(text).endsWith("Tickets are on sale from Monday.").doesNotContain("Source:").doesNotContain("Print");
    }

    @Test
    void shouldDropALastCallToActionWithALinkAndALastLineAnnouncingWhatWasDropped() {
        String body = "<p>" + "The ferry service resumes next week, the operator said, after the storm damage was repaired. ".repeat(3)
                + "</p><p>Tickets are on sale from Monday.</p>";
        String withLink = "<html><body><article>" + body
                + "<p>Follow us on <a href=\"https://social.example\">Social</a> for the latest news.</p></article></body></html>";
        String withColon = "<html><body><article>" + body + "<p>Read also:</p></article></body></html>";

        assertThat(extractor.text(withLink, null)).endsWith("Tickets are on sale from Monday.").doesNotContain("Follow us");
        assertThat(extractor.text(withColon, null)).endsWith("Tickets are on sale from Monday.").doesNotContain("Read also");
    }

    @Test
    void shouldNotLetAnArticleWordInsideABoilerplateNameRescueIt() {
        String page = "<html><body><article><div class=\"entry-content\"><p>"
                + "The ferry service resumes next week, the operator said, after the storm damage was repaired. ".repeat(3)
                + "</p><div class=\"entry-author-info\"><p>Jane Doe writes about ferries, harbours and the sea for us.</p></div>"
                + "<p>Tickets are on sale from Monday, the operator added in a statement.</p></div></article></body></html>";

        String text = extractor.text(page, null);

        assertThat(text).contains("Tickets are on sale from Monday").doesNotContain("Jane Doe");
    }
}
