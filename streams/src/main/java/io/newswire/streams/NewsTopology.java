package io.newswire.streams;

import io.newswire.common.TaggedArticle;
import io.newswire.common.Topic;
import io.newswire.common.TopicSettings;
import io.newswire.common.Topics;
import io.newswire.common.validation.FieldCaps;
import io.newswire.streams.ahead.TaggingAhead;
import io.newswire.streams.aggregation.TopicDayAggregate;
import io.newswire.streams.aggregation.TopicDayAggregateSerde;
import io.newswire.streams.aggregation.TopicDayCounter;
import io.newswire.streams.deadletter.RecordSizeGuard;
import io.newswire.streams.dedup.Deduplicated;
import io.newswire.streams.dedup.Deduplicator;
import io.newswire.streams.dedup.SimHashBands;
import io.newswire.streams.serde.RepartitionSerde;
import io.newswire.streams.validation.ArticleDeserializer;
import io.newswire.streams.validation.ArticleGate;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The newswire topology, built by one pure function from its config: no I/O, no globals.
 *
 * <p>Reads {@code news.articles.raw}; writes {@code news.articles.tagged} (each article dated and tagged,
 * near-duplicates linked to their first with {@code duplicateOf}), {@code news.topic-daily} (the full current
 * summary of each topic and day, counting each story once) and, through the exception handlers configured in
 * {@link StreamsApp}, {@code news.articles.dlq} (what could not be read, is invalid, or is too late).
 */
public final class NewsTopology {

    /**
     * The topic-day aggregates, in the de-duplication task. Not the {@code topic-day-aggregates} of the
     * repartitioned aggregation before it: that store had one changelog partition per input partition, this
     * one has one.
     */
    public static final String TOPIC_DAY_STORE = "topic-day-counts";
    /**
     * Segments of the topic-day changelog. Every commit writes each aggregate it touched: at 1,000 articles/s
     * some 60 MB a minute for a few hundred KB of state, so the log cleaner compacts it again and again. Small
     * segments keep each compaction small (a 64 MB one took a core of the broker for seconds, seen in the
     * latency of every article at that moment) and a restore short (the active segment is never compacted;
     * a cluster's default segment is 1 GB).
     */
    static final int TOPIC_DAY_CHANGELOG_SEGMENT_BYTES = 8 * 1024 * 1024;
    /** The single-partition repartition topic in front of the de-duplication index. */
    public static final String DEDUP_INDEX = "dedup-index";

    /** Room for {@code duplicateOf} (an id, at most {@link FieldCaps#ID_CHARS}) and its JSON. */
    private static final int DUPLICATE_OF_ROOM = 4 * FieldCaps.ID_CHARS + 64;
    // The aggregates are only read back by this application: binary (a layout of their own, cheaper than
    // Smile for a value read and written per counted article), not JSON. So are the dedup index's records
    // (Smile; see RepartitionSerde for their size guard against the tagged topic's limit).
    private static final Serde<TopicDayAggregate> AGGREGATE_SERDE = new TopicDayAggregateSerde();

    private NewsTopology() {
    }

    public static Topology build(TopologyConfig config) {
        return build(config, null);
    }

    /**
     * The topology, its articles tagged ahead by {@code ahead} (see {@link TaggingAhead}), or by the Streams
     * thread itself when {@code ahead} is null.
     */
    public static Topology build(TopologyConfig config, TaggingAhead ahead) {
        Topics topics = config.topics();
        IntegritySettings integrity = config.integrity();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleGate.WATERMARK_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(windowStore(Deduplicator.SEEN_IDS_STORE, integrity.dedupRetention(), false));
        builder.addStateStore(windowStore(Deduplicator.FINGERPRINT_STORE, integrity.dedupRetention(), false));

        KStream<String, Deduplicated> dedupedArticles = builder
                // Bytes that are no Article (not UTF-8, not JSON, no date) fail here and are dead-lettered by
                // the deserialization exception handler; invalid and too-late articles fail in the gate and
                // are dead-lettered by the processing exception handler. Nothing is caught in between.
                .stream(topics.raw().name(), Consumed.with(topics.raw().keySerde(),
                                Serdes.serdeFrom(topics.raw().valueSerde().serializer(),
                                        rawDeserializer(integrity)))
                        .withName("raw-articles"))
                .processValues(() -> new ArticleGate(integrity.validator(), config.dayResolver(), integrity.lateGrace()),
                        Named.as("validate-and-check-lateness"), ArticleGate.WATERMARK_STORE)
                .processValues(() -> new ArticleEnricher(config.tagger(), ahead, config.dayResolver()),
                        Named.as("date-and-tag"))
                // Keyed by the article's id from here on, whatever the producer keyed it by: a repartition drops
                // records whose key is null (kcat and plain producers often write none), silently, and the
                // tagged topic is keyed by article id.
                .selectKey((key, article) -> article.id(), Named.as("key-by-article-id"))
                // One partition for the de-duplication index: a near-duplicate has another id, so it can
                // arrive on any input partition, and only one index sees them all. Tagging (the costly part)
                // stays parallel before this step; the index does a few store lookups per article.
                // Guarded a little below the tagged topic's limit: the article is dead-lettered as too-large here,
                // where Kafka Streams still holds its raw bytes, not later with duplicateOf added.
                // In Smile: only this application reads it, and a tagged article is as much tags as text.
                .repartition(Repartitioned.<String, TaggedArticle>as(DEDUP_INDEX)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new RepartitionSerde<>(TaggedArticle.class,
                                topics.tagged().valueSerde().serializer(),
                                TopicSettings.MAX_RECORD_BYTES - DUPLICATE_OF_ROOM))
                        .withNumberOfPartitions(1))
                .processValues(() -> new Deduplicator(new SimHashBands(integrity.nearDuplicateDistance()),
                                integrity.dedupRetention()),
                        Named.as("deduplicate"), Deduplicator.SEEN_IDS_STORE, Deduplicator.FINGERPRINT_STORE);

        // Every article that passed the gate is written, repeats and near-duplicates included (linked with
        // duplicateOf), so that count in = count tagged + count dead-lettered.
        dedupedArticles
                .mapValues(Deduplicated::article, Named.as("tagged-article"))
                .to(topics.tagged().name(), produced(topics.tagged(), "tagged-articles"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TOPIC_DAY_STORE),
                        Serdes.String(), AGGREGATE_SERDE)
                .withCachingEnabled()
                .withLoggingEnabled(Map.of(TopicConfig.SEGMENT_BYTES_CONFIG,
                        String.valueOf(TOPIC_DAY_CHANGELOG_SEGMENT_BYTES))));
        dedupedArticles
                .filter((id, deduplicated) -> deduplicated.counts(), Named.as("first-sightings-only"))
                .mapValues(Deduplicated::article, Named.as("counted-article"))
                // Counted in the de-duplication task itself: every counted article passes through its one
                // partition already, so each (topic, day) has exactly one counter without a repartition.
                .process(() -> new TopicDayCounter(TOPIC_DAY_STORE), Named.as("count-topic-day"), TOPIC_DAY_STORE)
                .to(topics.topicDaily().name(), produced(topics.topicDaily(), "topic-daily-summaries"));

        return builder.build();
    }

    /** How the raw topic's values are read: by the topology, and by {@link TaggingAhead} the same way. */
    public static ArticleDeserializer rawDeserializer(IntegritySettings integrity) {
        return new ArticleDeserializer(integrity.maxBodyBytes());
    }

    private static StoreBuilder<WindowStore<String, String>> windowStore(String name, Duration retention,
                                                                         boolean retainDuplicates) {
        // Used as a key-value store with a retention: entries are written at the record's time and whole
        // segments are dropped once older than the retention, so the store stays bounded without a scan.
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, retention, Duration.ofMillis(1), retainDuplicates),
                Serdes.String(), Serdes.String());
    }

    /** Every output is size-guarded: a too-large record is dead-lettered, never sent (see {@link RecordSizeGuard}). */
    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), RecordSizeGuard.of(topic.valueSerde())).withName(name);
    }
}
