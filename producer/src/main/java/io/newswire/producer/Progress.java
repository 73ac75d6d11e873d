package io.newswire.producer;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A progress line for long work: "replayed 3/5 articles", at most a few times a second so that a
 * million-article replay does not flood the console, and always for the last item.
 */
public final class Progress {

    private static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final PrintStream out;
    private final String verb;
    private final long total;
    private long lastPrinted = Long.MIN_VALUE;

    public Progress(PrintStream out, String verb, long total) {
        this.out = out;
        this.verb = verb;
        this.total = total;
    }

    public synchronized void update(long done) {
        long now = System.nanoTime();
        if (done >= total || total <= 20 || lastPrinted == Long.MIN_VALUE || now - lastPrinted >= MIN_INTERVAL_NANOS) {
            out.printf("%s %d/%d articles%n", verb, done, total);
            lastPrinted = now;
        }
    }
}
