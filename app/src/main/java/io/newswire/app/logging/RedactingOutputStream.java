package io.newswire.app.logging;

import io.newswire.common.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes text through line by line with every password masked ({@link Secrets#redact}): the log stream, so
 * that no line a library writes (a failing JDBC URL, a client's settings) puts a secret on disk.
 */
public final class RedactingOutputStream extends OutputStream {

    /** A line longer than this is masked and written in pieces rather than held without bound. */
    private static final int MAX_LINE_BYTES = 64 * 1024;

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public RedactingOutputStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE_BYTES) {
            writeLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        // A partial line stays buffered: masking half a "password=…" would leak the other half.
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            writeLine();
        }
        target.close();
    }

    private void writeLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(Secrets.redact(text).getBytes(StandardCharsets.UTF_8));
    }
}
