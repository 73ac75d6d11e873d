package io.newswire.producer.fulltext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The bytes of a saved web page, gzipped or not, read up to a cap. */
public final class SavedPage {

    private SavedPage() {
    }

    /**
     * Reads {@code source} whole, decompressing it when it starts with gzip's magic bytes (wget and archives save
     * pages gzipped, whatever their name). The cap counts decompressed bytes, so a small gzip bomb is refused like a
     * large page: an {@link IOException} saying "larger than N MiB".
     */
    public static byte[] read(InputStream source, int maxBytes) throws IOException {
        InputStream raw = new BufferedInputStream(source);
        try (InputStream in = gzipped(raw) ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("larger than " + maxBytes / (1024 * 1024) + " MiB");
            }
            return bytes;
        }
    }

    private static boolean gzipped(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }
}
