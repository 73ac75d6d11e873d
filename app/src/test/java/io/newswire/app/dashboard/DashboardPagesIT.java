package io.newswire.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.common.EntityMention;
import io.newswire.common.Quantity;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import io.newswire.dashboard.DashboardServer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The topic, article, entity and search pages in headless Chromium, on a sink filled directly (no Kafka
 * needed): entities marked in the text and linked to their pages, conflicting numbers side by side, untrusted
 * titles as text, the view's range, sort, filter and page in the address. axe-core finds no serious or
 * critical violation on any of them. Saves {@code target/dashboard-topic.png}, {@code dashboard-article.png},
 * {@code dashboard-entity.png}, {@code dashboard-search.png} and {@code dashboard-empty.png}.
 */
class DashboardPagesIT {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
    private static final String HTML_TITLE = "<b>bold</b> <script>alert(1)</script> 11,000 soldiers in Kursk";

    @TempDir
    Path dir;
    private JdbcSink sink;
    private DashboardServer dashboard;
    private ChromeDriver browser;
    private String base;

    @BeforeEach
    void serveAFilledSink() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Chromium not found at " + HeadlessChromium.BROWSER + " and "
                + HeadlessChromium.DRIVER + ": browser test skipped (apt-get install chromium chromium-driver)");
        String sinkUrl = dir.resolve("newswire.db").toString();
        sink = JdbcSink.open(sinkUrl);
        Instant now = Instant.parse("2024-11-05T12:00:00Z");
        sink.write(new SinkBatch(
                List.of(new TopicDaySummary(1, "troop-deployments", "2024-11-05", 2, 2, List.of(), List.of(), now, now)),
                List.of(article("a1", HTML_TITLE, "Ukrainian intelligence",
                                new Quantity(11_000, "soldiers", "11,000 soldiers")),
                        article("a2", "Pentagon counts 12,000", "Pentagon",
                                new Quantity(12_000, "soldiers", "12,000 soldiers"))),
                Map.of()));
        dashboard = new DashboardServer(sinkUrl, null, Topics.defaults());
        dashboard.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + dashboard.port() + "/";
        browser = HeadlessChromium.start(dir.resolve("chromium"), 1280, 900);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void shouldShowConflictingClaimsSideBySideOnTheTopicPage() throws Exception {
        browser.get(base + "#/topic/troop-deployments");

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                browser.findElements(By.cssSelector(".conflict .claim .value"))).extracting(WebElement::getText)
                .containsExactly("11,000", "12,000"));
        assertThat(browser.findElement(By.cssSelector(".conflict h3")).getText()).isEqualTo("soldiers");
        assertThat(browser.findElement(By.cssSelector(".chart canvas")).getSize().getHeight()).isGreaterThan(100);
        assertThat(browser.findElements(By.cssSelector("#view b, #view script"))).as("markup of a title").isEmpty();
        assertThat(browser.findElements(By.cssSelector(".counts a.name"))).extracting(e -> e.getAttribute("href"))
                .as("its entities link to their pages").anyMatch(h -> h.endsWith("#/entity/north-korea"));
        Files.write(Path.of("target", "dashboard-topic.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoSeriousAccessibilityViolations();
        assertNoConsoleErrors();
    }

    @Test
    void shouldMarkEntitiesInTheArticleTextAndShowTheTitleAsText() throws Exception {
        browser.get(base + "#/article/a1");

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector(".story-title")).getText()).isEqualTo(HTML_TITLE));
        assertThat(browser.findElements(By.cssSelector(".body mark.entity")).stream().map(WebElement::getText))
                .contains("North Korea", "Kursk");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText())
                .contains("2024-11-05").contains("from the published date").contains("troop-deployments");
        assertThat(browser.findElements(By.cssSelector("#view b, #view script"))).as("markup of a title").isEmpty();
        Files.write(Path.of("target", "dashboard-article.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoSeriousAccessibilityViolations();
        assertNoConsoleErrors();
    }

    @Test
    void shouldOpenAnEntitysPageFromItsChipWithItsArticlesAndDays() throws Exception {
        browser.get(base + "#/article/a1");
        await().atMost(PAGE_WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.cssSelector(".facts a[data-entity='kursk']")).isDisplayed());

        browser.findElement(By.cssSelector(".facts a[data-entity='kursk']")).click();

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#view h1")).getText()).startsWith("Kursk"));
        assertThat(browser.getCurrentUrl()).endsWith("#/entity/kursk");
        assertThat(browser.findElements(By.cssSelector("#view [data-article]")))
                .extracting(e -> e.getAttribute("data-article")).containsExactlyInAnyOrder("a1", "a2");
        assertThat(browser.findElement(By.cssSelector("#view .lede .muted")).getText())
                .isEqualTo("2 articles from 2024-11-05 to 2024-11-05");
        assertThat(browser.findElement(By.cssSelector(".chart canvas")).getSize().getHeight()).isGreaterThan(100);
        assertThat(browser.findElements(By.cssSelector("#view b, #view script"))).as("markup of a title").isEmpty();
        Files.write(Path.of("target", "dashboard-entity.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoSeriousAccessibilityViolations();
        assertNoConsoleErrors();
    }

    @Test
    void shouldSearchTitlesFromTheSearchBoxWithTheQueryInTheAddress() throws Exception {
        browser.get(base);
        WebElement box = await().atMost(PAGE_WAIT).ignoreExceptions()
                .until(() -> browser.findElement(By.id("search-q")), WebElement::isDisplayed);

        box.sendKeys("SOLDIERS kursk", Keys.ENTER);

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                browser.findElements(By.cssSelector("#view [data-article]"))).extracting(e -> e.getAttribute("data-article"))
                .containsExactly("a1"));
        assertThat(browser.getCurrentUrl()).endsWith("#/search?q=SOLDIERS+kursk");
        assertThat(browser.findElement(By.cssSelector("[data-article='a1'] a.title")).getText()).isEqualTo(HTML_TITLE);
        assertThat(browser.findElements(By.cssSelector("#view b, #view script"))).as("markup of a title").isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-test='search-count']")).getText()).startsWith("1 title with every word");
        Files.write(Path.of("target", "dashboard-search.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoSeriousAccessibilityViolations();

        // The address alone gives the same view, and a query that is markup stays text.
        browser.get(base + "#/search?q=%3Cscript%3E");
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#view h1 q")).getText()).isEqualTo("<script>"));
        assertThat(browser.findElements(By.cssSelector("#view [data-article]"))).extracting(e -> e.getAttribute("data-article"))
                .containsExactly("a1");
        assertNoConsoleErrors();
    }

    @Test
    void shouldKeepTheRangeSortFilterAndPageInTheAddress() throws Exception {
        List<TaggedArticle> more = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            more.add(article(String.format("m%02d", i), "Brigade " + i + " moves", "Reuters",
                    new Quantity(100 + i, "soldiers", (100 + i) + " soldiers")));
        }
        sink.write(new SinkBatch(List.of(), more, Map.of()));
        String view = "#/?from=2024-11-01&to=2024-11-05&sort=change&topic=troop-deployments";
        browser.get(base + view);

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#latest [data-article]"))).hasSize(12));
        assertThat(browser.findElement(By.id("range-from")).getAttribute("value")).isEqualTo("2024-11-01");
        assertThat(browser.findElement(By.id("range-to")).getAttribute("value")).isEqualTo("2024-11-05");
        assertThat(browser.findElement(By.cssSelector("[data-sort='change']")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.id("topic-filter")).getAttribute("value")).isEqualTo("troop-deployments");
        assertNoSeriousAccessibilityViolations();
        List<String> firstPage = latestIds();

        browser.findElement(By.cssSelector("[data-pager='older']")).click();

        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#latest [data-article]"))).hasSize(5));
        assertThat(browser.getCurrentUrl()).contains("from=2024-11-01").contains("to=2024-11-05")
                .contains("sort=change").contains("topic=troop-deployments").contains("page=2");
        assertThat(latestIds()).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.findElements(By.cssSelector("[data-pager='older']"))).as("the last page").isEmpty();
        browser.navigate().refresh();
        await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#latest [data-article]"))).hasSize(5));
        assertThat(browser.findElement(By.cssSelector("[data-sort='change']")).getAttribute("aria-pressed")).isEqualTo("true");
        assertNoConsoleErrors();
    }

    @Test
    void shouldFindTheViolationsAxeIsThereToFind() {
        browser.get(base + "#/topic/troop-deployments");
        await().atMost(PAGE_WAIT).ignoreExceptions().until(() ->
                !browser.findElements(By.cssSelector(".conflict")).isEmpty());

        ((JavascriptExecutor) browser).executeScript("const img = document.createElement('img');"
                + "img.src = 'data:,'; document.getElementById('view').appendChild(img);");

        assertThat(Axe.seriousViolations(browser)).anyMatch(v -> v.startsWith("critical image-alt"));
    }

    private List<String> latestIds() {
        return browser.findElements(By.cssSelector("#latest [data-article]")).stream()
                .map(e -> e.getAttribute("data-article")).toList();
    }

    @Test
    void shouldSayWhatToDoWhenTheSinkIsEmpty() throws Exception {
        String emptySink = dir.resolve("empty.db").toString();
        try (JdbcSink created = JdbcSink.open(emptySink);
             DashboardServer empty = new DashboardServer(emptySink, null, Topics.defaults())) {
            empty.start("127.0.0.1", 0);
            browser.get("http://127.0.0.1:" + empty.port() + "/");

            await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.cssSelector("#view .empty")).getText())
                            .startsWith("No articles yet — run newswire produce seeds"));
            Files.write(Path.of("target", "dashboard-empty.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertNoSeriousAccessibilityViolations();
            assertNoConsoleErrors();
        }
    }

    private void assertNoSeriousAccessibilityViolations() {
        assertThat(Axe.seriousViolations(browser)).as("serious or critical axe-core violations on "
                + browser.getCurrentUrl()).isEmpty();
    }

    private void assertNoConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private static TaggedArticle article(String id, String title, String source, Quantity quantity) {
        String body = "North Korea has sent " + quantity.text() + " to the Kursk region, " + source + " said.\n\n"
                + "Officials in Kursk expect more; North Korea did not comment.";
        return new TaggedArticle(1, id, source, null, title, body, Instant.parse("2024-11-05T08:00:00Z"),
                Instant.parse("2024-11-05T09:00:00Z"), "en", "2024-11-05", "published",
                List.of(new TopicScore("troop-deployments", 1.0)),
                List.of(new EntityMention("north-korea", "North Korea", "country", 2),
                        new EntityMention("kursk", "Kursk", "place", 2)),
                List.of("north korean troops"), List.of(quantity), null, null);
    }
}
