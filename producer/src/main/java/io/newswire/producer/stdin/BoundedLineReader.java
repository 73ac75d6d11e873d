package io.newswire.producer.stdin;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a reader, each held in memory only up to a cap: a longer line is skipped to its end and reported
 * by its length, never read whole (a line of gigabytes is not an article, and must not take the heap).
 * Ends of line are {@code \n} or {@code \r\n}.
 */
final class BoundedLineReader {

    /** One line: its text, or null when it was longer than the cap (then only its length is known). */
    record Line(String text, long length) {

        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean ended;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    return any ? line(text, length) : null;
                }
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            if (length + chunk <= maxChars) {
                text.append(buffer, position, chunk);
            } else if (length <= maxChars) {
                text.setLength(0); // over the cap: what was kept is dropped, the rest is only counted
            }
            length += chunk;
            position = end;
            if (end < limit) {
                position++; // the '\n'
                return line(text, length);
            }
        }
    }

    private Line line(StringBuilder text, long length) {
        if (length > maxChars) {
            return new Line(null, length);
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
            length--;
        }
        return new Line(text.toString(), length);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
