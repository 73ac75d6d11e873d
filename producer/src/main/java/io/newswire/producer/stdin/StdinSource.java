package io.newswire.producer.stdin;

import io.newswire.common.Article;
import io.newswire.producer.ArticleOutput;
import io.newswire.producer.IncomingArticles;
import io.newswire.producer.InvalidArticleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON lines of {@code Article} to {@code news.articles.raw} (through an {@link ArticleOutput}). A bad line is
 * reported on stderr with its number and skipped; the others go on. Blank lines are ignored. A line is held
 * in memory only up to {@link #MAX_LINE_CHARS}: a longer one is skipped unread as {@code too-large}.
 */
public final class StdinSource {

    public static final String SOURCE = "stdin";
    /** A line longer than this is not an article; it is reported rather than parsed. */
    static final int MAX_LINE_CHARS = 1024 * 1024;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(40);

    private final IncomingArticles incoming;
    private final ArticleOutput output;

    public StdinSource(ArticleOutput output, Clock clock) {
        this.incoming = new IncomingArticles(SOURCE, clock);
        this.output = output;
    }

    /** How a run went: acknowledged articles, bad lines, articles Kafka did not take. */
    public record Result(long published, long badLines, long notAcknowledged) {

        public boolean ok() {
            return badLines == 0 && notAcknowledged == 0;
        }
    }

    public Result run(BufferedReader in, PrintStream err) throws IOException, InterruptedException {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        long lineNumber = 0;
        long bad = 0;
        BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_CHARS);
        BoundedLineReader.Line line;
        while ((line = lines.next()) != null) {
            lineNumber++;
            try {
                if (line.tooLong()) {
                    throw new InvalidArticleException("too-large: a line of " + line.length()
                            + " characters, over the cap of " + MAX_LINE_CHARS);
                }
                if (line.text().isBlank()) {
                    continue;
                }
                Article article = incoming.parseOne(line.text());
                sends.add(output.publish(article));
            } catch (InvalidArticleException e) {
                bad++;
                err.printf("line %d: %s%n", lineNumber, e.getMessage());
            }
        }
        long published = 0;
        long failed = 0;
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        for (CompletableFuture<?> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published++;
            } catch (ExecutionException | TimeoutException e) {
                if (failed == 0) {
                    err.println("not acknowledged by Kafka: " + (e.getCause() == null ? e : e.getCause().getMessage()));
                }
                failed++;
            }
        }
        return new Result(published, bad, failed);
    }
}
