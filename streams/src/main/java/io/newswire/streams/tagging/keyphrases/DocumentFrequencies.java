package io.newswire.streams.tagging.keyphrases;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In how many of the articles seen so far each word stem occurs: the corpus half of TF-IDF. Shared by all
 * stream threads (concurrent counters) and bounded: once {@code maxTerms} stems are known, new stems are
 * not added (they count as never seen, the highest IDF), so memory stays flat however long it runs.
 */
public final class DocumentFrequencies {

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong documents = new AtomicLong();
    private final int maxTerms;

    public DocumentFrequencies(int maxTerms) {
        this.maxTerms = maxTerms;
    }

    /** Counts one article with these distinct stems. */
    public void observe(Collection<String> distinctStems) {
        documents.incrementAndGet();
        for (String stem : distinctStems) {
            AtomicInteger count = counts.get(stem);
            if (count == null && counts.size() < maxTerms) {
                count = counts.computeIfAbsent(stem, s -> new AtomicInteger());
            }
            if (count != null) {
                count.incrementAndGet();
            }
        }
    }

    /** Smoothed inverse document frequency: rare stems score high, stems in every article near 1. */
    public double idf(String stem) {
        AtomicInteger count = counts.get(stem);
        double df = count == null ? 0 : count.get();
        return Math.log((documents.get() + 1.0) / (df + 1.0)) + 1.0;
    }

    public int terms() {
        return counts.size();
    }

    public long documents() {
        return documents.get();
    }
}
