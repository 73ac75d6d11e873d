package io.newswire.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswire.app.Components;
import io.newswire.app.Pipeline;
import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.testsupport.Drain;
import io.newswire.testsupport.InJvmKafka;
import io.newswire.common.Article;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.dashboard.DashboardServer;
import io.newswire.dashboard.api.DashboardApi;
import io.newswire.consumer.sink.SinkReader;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.seeds.SeedParser;
import io.newswire.producer.seeds.SeedReader;
import io.newswire.streams.TopologyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The dashboard in a real browser: the seeds go through a real in-JVM KRaft broker, Streams and the sink
 * consumer ({@link Pipeline}), and headless Chromium looks at the overview while a new article arrives.
 * Saves {@code target/dashboard.png} (laptop) and {@code target/dashboard-phone.png}, and the README's
 * {@code docs/dashboard.png} when asked to ({@link #DOCS_SCREENSHOT}).
 */
class DashboardBrowserIT {

    private static final Duration PIPELINE_WAIT = Duration.ofSeconds(90);
    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
    /** With {@code -Dnewswire.docs.screenshot=true}, the overview is also saved as {@code docs/dashboard.png}. */
    private static final String DOCS_SCREENSHOT = "newswire.docs.screenshot";
    private static final String HTML_TITLE = "<img src=x onerror=alert(1)> North Korean troops reach Kursk";

    @TempDir
    Path dir;
    private InJvmKafka kafka;
    private Pipeline pipeline;
    private DashboardServer dashboard;
    private SinkReader reader;
    private Properties config;
    private String sinkUrl;
    private String base;

    private void runTheSeedsThroughThePipeline() throws Exception {
        kafka = InJvmKafka.start(1);
        config = KafkaClientConfig.load(kafka.bootstrapServers(), null);
        TopologyConfig topology = Components.topologyConfig(config);
        Topics topics = topology.topics();
        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            admin.awaitReachable(Duration.ofSeconds(30));
            admin.createMissingTopics(topics.names(), 3);
        }
        sinkUrl = dir.resolve("newswire.db").toString();
        dashboard = new DashboardServer(sinkUrl, config, topics);
        pipeline = new Pipeline(config, topology, dir.resolve("streams"), sinkUrl, dashboard::afterWrite);
        pipeline.start(Duration.ofSeconds(60));
        dashboard.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + dashboard.port() + "/";
        reader = new SinkReader(sinkUrl);

        List<Article> seeds = new SeedReader(new SeedParser(Clock.systemUTC())).read(seedsDir());
        publish(seeds.toArray(new Article[0]));
        List<String> ids = seeds.stream().map(Article::id).distinct().toList();
        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            Drain.await(() -> reader.countArticles(ids) == ids.size() && pipeline.drained(admin.admin()),
                    pipeline::failure, PIPELINE_WAIT);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (dashboard != null) {
            dashboard.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (reader != null) {
            reader.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldShowTheSeedsTopicsAChartAndANewArticleLiveAsText() throws Exception {
        // Checked before the broker starts: without a browser there is nothing to look with.
        assumeTrue(HeadlessChromium.installed(), "Chromium not found at " + HeadlessChromium.BROWSER + " and "
                + HeadlessChromium.DRIVER + ": browser test skipped (apt-get install chromium chromium-driver)");
        runTheSeedsThroughThePipeline();
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium"), 1366, 1000);
        try {
            browser.get(base);

            // Given the overview after the seeds: every topic the sink holds within the ranking's window (the
            // 400 days up to the ranked day) has a row, and the chart is drawn.
            String rankedDay = await().atMost(PAGE_WAIT).ignoreExceptions().until(() ->
                    browser.findElement(By.cssSelector("[data-test='ranking-day']")).getText(), d -> !d.isEmpty());
            String windowStart = LocalDate.parse(rankedDay).minusDays(DashboardApi.MAX_RANGE_DAYS - 1L).toString();
            List<String> sinkTopics = reader.topicDays().stream()
                    .filter(row -> row.day().compareTo(windowStart) >= 0 && row.day().compareTo(rankedDay) <= 0)
                    .map(SinkReader.TopicDayCount::topic).distinct().sorted().toList();
            await().atMost(PAGE_WAIT).untilAsserted(() ->
                    assertThat(rowTopics(browser)).containsExactlyInAnyOrderElementsOf(sinkTopics));
            assertThat(sinkTopics).isNotEmpty();
            await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> {
                WebElement canvas = browser.findElement(By.cssSelector("#overview-chart canvas"));
                assertThat(canvas.getSize().getWidth()).isGreaterThan(200);
                assertThat(canvas.getSize().getHeight()).isGreaterThan(150);
            });
            assertThat(paintedPixels(browser)).as("pixels the chart painted").isGreaterThan(500);
            assertThat(Axe.seriousViolations(browser)).as("serious axe-core violations on the overview").isEmpty();
            Map<String, Long> before = rowCounts(browser);
            if (Boolean.getBoolean(DOCS_SCREENSHOT)) {
                // The README's picture: the overview as a first run shows it (before the hostile title below).
                Files.write(Path.of("..", "docs", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
            }
            ((JavascriptExecutor) browser).executeScript("window.newswireNotReloaded = true;");

            // When an article with an HTML title arrives on news.articles.raw
            Instant now = Instant.now();
            Article live = Article.create("stdin", null, HTML_TITLE,
                    "North Korean troops were deployed to the Kursk region of Russia, Ukraine said. Thousands of"
                            + " soldiers and servicemen are stationed near the border; the deployment grows.",
                    now, now, "en");
            publish(live);
            await().atMost(PIPELINE_WAIT).until(() -> reader.countArticles(List.of(live.id())) == 1);

            // Then without a reload a topic count grows, and the title shows as text, not as an image.
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                Map<String, Long> after = rowCounts(browser);
                assertThat(after.keySet()).anyMatch(t -> after.get(t) > before.getOrDefault(t, 0L));
            });
            assertThat(((JavascriptExecutor) browser).executeScript("return window.newswireNotReloaded === true"))
                    .as("the page was not reloaded").isEqualTo(Boolean.TRUE);
            await().atMost(PAGE_WAIT).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElement(
                    By.cssSelector("[data-article='" + live.id() + "'] a.title")).getText()).isEqualTo(HTML_TITLE));
            assertThat(browser.findElements(By.cssSelector("#view img"))).as("no element made of the title").isEmpty();

            Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.manage().window().setSize(new Dimension(412, 915));
            browser.navigate().refresh();
            await().atMost(PAGE_WAIT).until(() -> !rowTopics(browser).isEmpty());
            Files.write(Path.of("target", "dashboard-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertThat(Axe.seriousViolations(browser)).as("serious axe-core violations on a phone").isEmpty();

            // The pipeline page, which only a dashboard beside Kafka can fill.
            browser.manage().window().setSize(new Dimension(1366, 1000));
            browser.get(base + "#/pipeline");
            await().atMost(PAGE_WAIT).ignoreExceptions().until(() ->
                    !browser.findElements(By.cssSelector("#view .stats .stat")).isEmpty());
            assertThat(Axe.seriousViolations(browser)).as("serious axe-core violations on the pipeline page").isEmpty();
            Files.write(Path.of("target", "dashboard-pipeline.png"), browser.getScreenshotAs(OutputType.BYTES));

            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
            assertThat(errors).as("console errors").isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static List<String> rowTopics(ChromeDriver browser) {
        return List.copyOf(rowCounts(browser).keySet());
    }

    /** The overview's count per topic, read in one script: the page re-renders its rows on every update. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> rowCounts(ChromeDriver browser) {
        Map<String, Object> counts = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "const counts = {};"
                        + "document.querySelectorAll('tr[data-topic]').forEach(row => {"
                        + "  counts[row.dataset.topic] = Number(row.querySelector('.count').textContent.replace(/,/g, ''));"
                        + "});"
                        + "return counts;");
        Map<String, Long> result = new HashMap<>();
        counts.forEach((topic, count) -> result.put(topic, ((Number) count).longValue()));
        return result;
    }

    /** Non-transparent pixels on the chart's canvas: a drawn chart has many, an empty one none. */
    private static long paintedPixels(ChromeDriver browser) {
        Object painted = ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('#overview-chart canvas');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
        return ((Number) painted).longValue();
    }

    private void publish(Article... articles) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            for (Article article : articles) {
                publisher.publish(article).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The repository's seeds/ (tests run in app/). */
    private static Path seedsDir() {
        Path here = Path.of("seeds");
        return Files.isDirectory(here) ? here : Path.of("..", "seeds");
    }
}
