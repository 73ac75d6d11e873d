package io.newswire.streams.dedup;

import io.newswire.common.TaggedArticle;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Decides whether an article is news or a repeat.
 * <ul>
 *   <li>An id seen before (a replay, a feed re-publishing) is passed on as it was the first time and does
 *       not count again.</li>
 *   <li>An article whose SimHash is within the configured distance of an earlier article's is a near-duplicate:
 *       passed on with {@code duplicateOf} = the earlier one's id (or that one's own original), not counted.</li>
 * </ul>
 * Both stores are window stores whose retention drops whole segments, so state stays bounded: an id or a
 * fingerprint is remembered for the dedup retention, measured in record time (ingestion) of this task.
 *
 * <p>To see near-duplicates that arrive on different input partitions this runs behind a single-partition
 * repartition topic (see {@code NewsTopology}), so there is exactly one task and one index.
 */
public final class Deduplicator implements FixedKeyProcessor<String, TaggedArticle, Deduplicated> {

    public static final String SEEN_IDS_STORE = "seen-article-ids";
    public static final String FINGERPRINT_STORE = "simhash-bands";
    /** A pathological bucket (many near-empty texts) is scanned only this far: bounded work per article. */
    static final int MAX_CANDIDATES_PER_BAND = 256;
    /** Value stored for an id that was the first of its story. */
    private static final String ORIGINAL = "";

    private final SimHashBands bands;
    private FixedKeyProcessorContext<String, Deduplicated> context;
    private WindowStore<String, String> seenIds;
    private WindowStore<String, String> fingerprints;

    public Deduplicator(SimHashBands bands) {
        this.bands = bands;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Deduplicated> context) {
        this.context = context;
        this.seenIds = context.getStateStore(SEEN_IDS_STORE);
        this.fingerprints = context.getStateStore(FINGERPRINT_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, TaggedArticle> record) {
        TaggedArticle article = record.value();
        long now = record.timestamp();
        String earlier = firstSighting(article.id());
        if (earlier != null) {
            TaggedArticle again = earlier.equals(ORIGINAL) ? article : article.withDuplicateOf(earlier);
            context.forward(record.withValue(new Deduplicated(again, false)));
            return;
        }
        long fingerprint = SimHash.of(text(article));
        String original = nearDuplicateOf(fingerprint);
        seenIds.put(article.id(), original == null ? ORIGINAL : original, now);
        if (original != null) {
            context.forward(record.withValue(new Deduplicated(article.withDuplicateOf(original), false)));
            return;
        }
        String entry = article.id() + "|" + Long.toHexString(fingerprint);
        for (String band : bands.keys(fingerprint)) {
            fingerprints.put(band, entry, now);
        }
        context.forward(record.withValue(new Deduplicated(article, true)));
    }

    /** What was stored for this id: {@link #ORIGINAL}, the id it duplicates, or null if never seen. */
    private String firstSighting(String id) {
        try (WindowStoreIterator<String> seen = seenIds.fetch(id, 0L, Long.MAX_VALUE)) {
            return seen.hasNext() ? seen.next().value : null;
        }
    }

    /** The id of the earliest retained original within the distance, or null. */
    private String nearDuplicateOf(long fingerprint) {
        for (String band : bands.keys(fingerprint)) {
            try (WindowStoreIterator<String> candidates =
                         fingerprints.fetch(band, 0L, Long.MAX_VALUE / 2)) {
                int scanned = 0;
                while (candidates.hasNext() && scanned++ < MAX_CANDIDATES_PER_BAND) {
                    KeyValue<Long, String> candidate = candidates.next();
                    int bar = candidate.value.lastIndexOf('|');
                    long other = Long.parseUnsignedLong(candidate.value.substring(bar + 1), 16);
                    if (bands.near(fingerprint, other)) {
                        return candidate.value.substring(0, bar);
                    }
                }
            }
        }
        return null;
    }

    static String text(TaggedArticle article) {
        String title = article.title() == null ? "" : article.title();
        String body = article.body() == null ? "" : article.body();
        return title + "\n" + body;
    }
}
