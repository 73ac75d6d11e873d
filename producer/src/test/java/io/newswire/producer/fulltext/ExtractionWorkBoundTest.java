package io.newswire.producer.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile page shapes of up to 2 MiB: the extraction must finish (work linear in the page). The timeout is
 * generous, for a loaded shared machine (quadratic work on these pages takes hours, not seconds); the CPU time
 * taken is printed, not asserted.
 */
class ExtractionWorkBoundTest {

    private static final int MAX_PAGE = 2 * 1024 * 1024;
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private final ArticleTextExtractor extractor = new ArticleTextExtractor();

    @Test
    void shouldExtractAPageOf262000FlatParagraphs() {
        StringBuilder page = new StringBuilder("<html><body>");
        for (int i = 0; page.length() < MAX_PAGE - 16; i++) {
            page.append("<p>p").append(i % 10).append("</p>");
        }
        page.append("</body></html>");

        String text = timed("262,000 flat <p>", page.toString());

        assertThat(text).startsWith("p0");
    }

    @Test
    void shouldExtractAPageOf100000NestedListItems() {
        StringBuilder page = new StringBuilder("<html><body><div><p>A paragraph before the lists, long enough to count.</p>");
        page.append("<ul><li>x".repeat(100_000));
        page.append("</body></html>");
        assertThat(page.length()).isLessThanOrEqualTo(MAX_PAGE);

        String text = timed("100,000 nested <ul><li>", page.toString());

        assertThat(text).contains("A paragraph before the lists");
    }

    @Test
    void shouldExtractOneTextNodeOfTwoMebibytes() {
        String page = "<html><body><article><p>" + "word, ".repeat(MAX_PAGE / 6 - 10) + "</p></article></body></html>";

        String text = timed("one 2 MiB text node", page);

        assertThat(text).startsWith("word, word,");
    }

    private String timed(String what, String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return assertTimeoutPreemptively(GENEROUS, () -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            String text = extractor.extract(bytes, null, null).text();
            System.out.printf("%s (%d bytes): %d ms CPU, %d ms wall%n", what, bytes.length,
                    (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000, (System.nanoTime() - start) / 1_000_000);
            return text;
        });
    }
}
