package io.newswire.producer.stdin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.producer.testing.RecordingOutput;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A line of any length never takes the heap: it is skipped to its end as too-large, and the next line goes on. */
class StdinHostileLinesTest {

    @Test
    void shouldSkipAnOverlongLineWithoutHoldingItAndPublishTheNext() throws Exception {
        RecordingOutput output = new RecordingOutput();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // 64 MiB of one line, generated as it is read: a reader that held it would need 128 MB of chars.
        long longLine = 64L * 1024 * 1024;
        Reader input = new SequenceOfLines(longLine, "{\"title\":\"After the long line\",\"body\":\"Body\"}\n");

        StdinSource.Result result = new StdinSource(output, Clock.systemUTC())
                .run(new BufferedReader(input), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(result.badLines()).isEqualTo(1);
        assertThat(output.published()).extracting(Article::title).containsExactly("After the long line");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1: too-large: a line of " + longLine);
    }

    @Test
    void shouldReadLinesEndingInCrLfAndTheLastWithoutAnEnd() throws Exception {
        BoundedLineReader lines = new BoundedLineReader(new StringReader("one\r\n\ntwo\nthree"), 10);
        assertThat(lines.next().text()).isEqualTo("one");
        assertThat(lines.next().text()).isEmpty();
        assertThat(lines.next().text()).isEqualTo("two");
        assertThat(lines.next().text()).isEqualTo("three");
        assertThat(lines.next()).isNull();
    }

    @Test
    void shouldReportALineOneCharOverTheCapByItsLength() throws Exception {
        BoundedLineReader lines = new BoundedLineReader(new StringReader("x".repeat(11) + "\nok\n"), 10);
        BoundedLineReader.Line first = lines.next();
        assertThat(first.tooLong()).isTrue();
        assertThat(first.length()).isEqualTo(11);
        assertThat(lines.next().text()).isEqualTo("ok");
    }

    /** {@code length} chars of 'x' without a line end, then a newline and {@code tail}, made up as read. */
    private static final class SequenceOfLines extends Reader {
        private long remaining;
        private final StringReader tail;

        SequenceOfLines(long length, String tail) {
            this.remaining = length;
            this.tail = new StringReader("\n" + tail);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
            if (remaining > 0) {
                int n = (int) Math.min(length, remaining);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                remaining -= n;
                return n;
            }
            return tail.read(buffer, offset, length);
        }

        @Override
        public void close() {
        }
    }
}
