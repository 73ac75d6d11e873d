package io.newswire.streams.tagging.keyphrases;

import io.newswire.streams.tagging.AtomicWrite;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * In how many documents of a reference corpus each word stem occurs: the corpus half of TF-IDF. Fixed, not
 * learned from the stream, so that an article gets the same keyphrases whatever arrived before it and on
 * whichever instance, and a replay or a reprocess gives the same rows. Shipped as a versioned resource
 * like the taxonomy, and rebuilt with {@code newswire train-keyphrases}.
 *
 * <p>On disk, UTF-8 text: {@code # newswire document frequencies 1}, then {@code # source: …},
 * {@code # documents: N}, then one {@code stem<TAB>documents} a line.
 */
public final class DocumentFrequencies {

    static final String MAGIC = "# newswire document frequencies 1";
    static final String DEFAULT_RESOURCE = "/io/newswire/streams/tagging/keyphrases/document-frequencies.tsv";
    private static final int MAX_TERMS = 2_000_000;

    private final Map<String, Integer> counts;
    private final long documents;
    private final String source;

    public DocumentFrequencies(Map<String, Integer> counts, long documents, String source) {
        this.counts = Map.copyOf(counts);
        this.documents = documents;
        this.source = source;
    }

    /** Counts documents of a corpus, then {@link #build} keeps the stems seen often enough. */
    public static final class Builder {
        private final Map<String, Integer> counts = new HashMap<>();
        private long documents;

        /** Counts one document with these distinct stems. */
        public void observe(Collection<String> distinctStems) {
            documents++;
            for (String stem : distinctStems) {
                counts.merge(stem, 1, Integer::sum);
            }
        }

        /** The frequencies of stems in at least {@code minDocuments} documents (rarer ones score as unseen). */
        public DocumentFrequencies build(int minDocuments, String source) {
            Map<String, Integer> kept = new HashMap<>();
            counts.forEach((stem, count) -> {
                if (count >= minDocuments) {
                    kept.put(stem, count);
                }
            });
            return new DocumentFrequencies(kept, documents, source);
        }
    }

    /** The frequencies shipped in the jar. */
    public static DocumentFrequencies defaultFrequencies() {
        try (InputStream in = DocumentFrequencies.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the document frequencies " + DEFAULT_RESOURCE + " are missing from the jar");
            }
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocumentFrequencies read(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!MAGIC.equals(reader.readLine())) {
            throw new IllegalArgumentException(name + " is not a newswire document-frequency file");
        }
        Map<String, Integer> counts = new HashMap<>();
        long documents = -1;
        String source = "";
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("# documents: ")) {
                documents = Long.parseLong(line.substring("# documents: ".length()).strip());
            } else if (line.startsWith("# source: ")) {
                source = line.substring("# source: ".length()).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int tab = line.indexOf('\t');
                if (tab <= 0 || counts.size() >= MAX_TERMS) {
                    throw new IllegalArgumentException(name + " line " + number + ": expected stem<TAB>documents");
                }
                counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
            }
        }
        if (documents <= 0) {
            throw new IllegalArgumentException(name + ": no '# documents: N' line");
        }
        return new DocumentFrequencies(counts, documents, source);
    }

    /** Writes the frequencies, stems in order, through a temporary file. */
    public void write(Path file) throws IOException {
        AtomicWrite.write(file, temporary -> {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(MAGIC + "\n# source: " + source + "\n# documents: " + documents + "\n");
                for (Map.Entry<String, Integer> entry : new TreeMap<>(counts).entrySet()) {
                    out.write(entry.getKey() + "\t" + entry.getValue() + "\n");
                }
            }
        });
    }

    /** Smoothed inverse document frequency: rare stems score high, stems in every document near 1. */
    public double idf(String stem) {
        Integer count = counts.get(stem);
        double df = count == null ? 0 : count;
        return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
    }

    public int terms() {
        return counts.size();
    }

    public long documents() {
        return documents;
    }

    public String source() {
        return source;
    }
}
