package io.newswire.streams.dedup;

import io.newswire.common.TaggedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
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
 * The search for a near fingerprint runs in a {@link NearDuplicateIndex} in memory, rebuilt from the
 * fingerprint store whenever the task starts (after its state is restored), with the same retention.
 *
 * <p>To see near-duplicates that arrive on different input partitions this runs behind a single-partition
 * repartition topic (see {@code NewsTopology}), so there is exactly one task and one index.
 */
public final class Deduplicator implements FixedKeyProcessor<String, TaggedArticle, Deduplicated> {

    public static final String SEEN_IDS_STORE = "seen-article-ids";
    /** Fingerprint (hex) → {@code <arrival>:<id>} of the original that has it (see {@link StoredOriginal}). */
    public static final String FINGERPRINT_STORE = "original-fingerprints";
    /** Value stored for an id that was the first of its story. */
    private static final String ORIGINAL = "";

    private final SimHashBands bands;
    private final Duration retention;
    private FixedKeyProcessorContext<String, Deduplicated> context;
    private WindowStore<String, String> seenIds;
    private WindowStore<String, String> fingerprints;
    private NearDuplicateIndex index;
    /** Arrival number the next original gets: the index is rebuilt in this order, as it was built live. */
    private long nextArrival;

    public Deduplicator(SimHashBands bands, Duration retention) {
        this.bands = bands;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Deduplicated> context) {
        this.context = context;
        this.seenIds = context.getStateStore(SEEN_IDS_STORE);
        this.fingerprints = context.getStateStore(FINGERPRINT_STORE);
        RebuiltIndex rebuilt = rebuildIndex();
        this.index = rebuilt.index();
        this.nextArrival = rebuilt.nextArrival();
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
        long fingerprint = SimHash.of(orEmpty(article.title()), orEmpty(article.body()));
        String original = nearDuplicateOf(fingerprint);
        seenIds.put(article.id(), original == null ? ORIGINAL : original, now);
        if (original != null) {
            context.forward(record.withValue(new Deduplicated(article.withDuplicateOf(original), false)));
            return;
        }
        fingerprints.put(Long.toHexString(fingerprint), new StoredOriginal(nextArrival++, article.id()).value(), now);
        index.add(fingerprint, now);
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
        Long near = index.nearest(fingerprint);
        if (near == null) {
            return null;
        }
        try (WindowStoreIterator<String> owners = fingerprints.fetch(Long.toHexString(near), 0L, Long.MAX_VALUE)) {
            // The index and the store hold the same fingerprints; a miss means the store's segment expired first.
            return owners.hasNext() ? StoredOriginal.parse(owners.next().value).id() : null;
        }
    }

    private RebuiltIndex rebuildIndex() {
        try (KeyValueIterator<Windowed<String>, String> all = fingerprints.all()) {
            return indexOf(all, bands, retention);
        }
    }

    /** The index rebuilt from the store, and the arrival number the next original gets. */
    record RebuiltIndex(NearDuplicateIndex index, long nextArrival) {
    }

    /**
     * The index of every retained original in the fingerprint store (fingerprint in hex → arrival and id, at
     * the record time it was first seen), added in the order they arrived. That order, not record time (which
     * ties within a millisecond and runs backwards across input partitions), is what makes "the earliest
     * original within the distance" the same one after a restart as before it.
     */
    static RebuiltIndex indexOf(Iterator<KeyValue<Windowed<String>, String>> fingerprintStore,
                                SimHashBands bands, Duration retention) {
        List<Retained> retained = new ArrayList<>();
        while (fingerprintStore.hasNext()) {
            KeyValue<Windowed<String>, String> stored = fingerprintStore.next();
            // Only the arrival: the ids are not needed to rebuild (a million substrings at start-up otherwise).
            retained.add(new Retained(StoredOriginal.arrivalOf(stored.value), stored.key.window().start(),
                    Long.parseUnsignedLong(stored.key.key(), 16)));
        }
        retained.sort(Comparator.comparingLong(Retained::arrival));
        NearDuplicateIndex rebuilt = new NearDuplicateIndex(bands, retention.toMillis());
        for (Retained original : retained) {
            rebuilt.add(original.fingerprint(), original.time());
        }
        long nextArrival = retained.isEmpty() ? 0 : retained.get(retained.size() - 1).arrival() + 1;
        return new RebuiltIndex(rebuilt, nextArrival);
    }

    /** One original read back from the fingerprint store. */
    private record Retained(long arrival, long time, long fingerprint) {
    }

    /** What the fingerprint store holds for an original: {@code <arrival>:<id>} (an id may hold colons). */
    record StoredOriginal(long arrival, String id) {
        String value() {
            return arrival + ":" + id;
        }

        static StoredOriginal parse(String value) {
            return new StoredOriginal(arrivalOf(value), value.substring(value.indexOf(':') + 1));
        }

        static long arrivalOf(String value) {
            return Long.parseLong(value, 0, value.indexOf(':'), 10);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
