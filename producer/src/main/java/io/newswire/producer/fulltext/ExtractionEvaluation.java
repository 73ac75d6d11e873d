package io.newswire.producer.fulltext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Scores the extractor on a main-text evaluation set (the format of trafilatura's): a folder with
 * {@code evaldata.jsonl}, one page a line {@code {"page": "pages/x.html.gz", "url", "with": [...], "without": [...]}}.
 * Whitespace is normalised in the text and the segments; a "with" segment found in the text is a true positive
 * (else a false negative), a "without" segment found is a false positive (else a true negative), summed over
 * all pages. A page that cannot be read or extracted counts as all misses. Pages are decoded by
 * {@link HtmlDecoder}, as a browser would decode a file.
 */
public final class ExtractionEvaluation {

    /** Largest page read (decompressed); the set's pages are far smaller. */
    private static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Sums over the set, and the CPU time spent decoding and extracting (not reading and unzipping). */
    public record Score(long truePositives, long falseNegatives, long falsePositives, long trueNegatives,
                        int pages, int failedPages, long htmlBytes, long extractNanos) {

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double accuracy() {
            return ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives);
        }

        public double f1() {
            return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
        }

        /** Megabytes (10^6 bytes) of HTML decoded and extracted per CPU second (per core). */
        public double megabytesPerSecond() {
            return extractNanos == 0 ? 0 : htmlBytes / 1e6 / (extractNanos / 1e9);
        }

        private static double ratio(long part, long whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    /** How one page scored, for a verbose listing. */
    public record PageResult(String page, List<String> missed, List<String> leaked, String error) {

        public String describe() {
            StringBuilder line = new StringBuilder(page);
            if (error != null) {
                line.append(" FAILED ").append(error);
            }
            missed.forEach(m -> line.append("\n    missed: ").append(m));
            leaked.forEach(l -> line.append("\n    leaked: ").append(l));
            return line.toString();
        }
    }

    private final ArticleTextExtractor extractor;

    public ExtractionEvaluation(ArticleTextExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * @param dir the folder holding {@code evaldata.jsonl} and the pages it names
     * @param pages receives each page's result (for --verbose)
     * @throws IOException when {@code evaldata.jsonl} cannot be read
     */
    public Score run(Path dir, Consumer<PageResult> pages) throws IOException {
        return run(dir, false, pages);
    }

    /**
     * @param warmUp extract every page once before the scored pass, so that the speed measured is that of
     *               compiled code (as in a long-running producer), not of the JVM's first minutes
     */
    public Score run(Path dir, boolean warmUp, Consumer<PageResult> pages) throws IOException {
        if (warmUp) {
            score(dir, page -> { });
        }
        return score(dir, pages);
    }

    private Score score(Path dir, Consumer<PageResult> pages) throws IOException {
        long tp = 0;
        long fn = 0;
        long fp = 0;
        long tn = 0;
        int count = 0;
        int failed = 0;
        long bytes = 0;
        long nanos = 0;
        try (BufferedReader lines = Files.newBufferedReader(dir.resolve("evaldata.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                String page = entry.path("page").asText();
                List<String> with = segments(entry.path("with"));
                List<String> without = segments(entry.path("without"));
                count++;
                String text;
                String error = null;
                try {
                    byte[] html = read(dir, page);
                    long start = cpuNanos();
                    text = extractor.extract(html, null, entry.path("url").asText(null)).text();
                    nanos += cpuNanos() - start;
                    bytes += html.length;
                } catch (IOException | RuntimeException e) {
                    text = null;
                    error = e.toString();
                    failed++;
                }
                String normalized = text == null ? null : normalize(text);
                List<String> missed = new ArrayList<>();
                List<String> leaked = new ArrayList<>();
                for (String segment : with) {
                    if (normalized != null && normalized.contains(segment)) {
                        tp++;
                    } else {
                        fn++;
                        missed.add(segment);
                    }
                }
                for (String segment : without) {
                    // A failed page counts as all misses: its boilerplate segments are found, too.
                    if (normalized == null || normalized.contains(segment)) {
                        fp++;
                        leaked.add(segment);
                    } else {
                        tn++;
                    }
                }
                pages.accept(new PageResult(page, missed, leaked, error));
            }
        }
        return new Score(tp, fn, fp, tn, count, failed, bytes, nanos);
    }

    /** CPU time of this thread (wall time where the JVM cannot tell): the speed per core, whatever else runs. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Every run of whitespace to one space, trimmed: the scoring's normal form. */
    public static String normalize(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** One line per figure, for the command and the docs. */
    public static String format(Score score) {
        return String.format(Locale.ROOT, "pages      %d (%d failed)%nprecision  %.3f%nrecall     %.3f%n"
                        + "accuracy   %.3f%nF1         %.3f%nsegments   tp %d  fn %d  fp %d  tn %d%n"
                        + "speed      %.1f MB HTML/s per core (%.1f MB in %.2f s of CPU time: decoding, parsing, extraction)",
                score.pages(), score.failedPages(), score.precision(), score.recall(), score.accuracy(), score.f1(),
                score.truePositives(), score.falseNegatives(), score.falsePositives(), score.trueNegatives(),
                score.megabytesPerSecond(), score.htmlBytes() / 1e6, score.extractNanos() / 1e9);
    }

    private static List<String> segments(JsonNode array) {
        List<String> segments = new ArrayList<>();
        for (JsonNode segment : array) {
            String normalized = normalize(segment.asText());
            if (!normalized.isEmpty()) {
                segments.add(normalized);
            }
        }
        return segments;
    }

    private static byte[] read(Path dir, String page) throws IOException {
        Path file = dir.resolve(page).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new IOException("page outside the set's folder: " + page);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return SavedPage.read(in, MAX_PAGE_BYTES);
        } catch (IOException e) {
            throw new IOException(page + ": " + e.getMessage(), e);
        }
    }
}
