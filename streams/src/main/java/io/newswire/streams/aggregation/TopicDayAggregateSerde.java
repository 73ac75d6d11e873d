package io.newswire.streams.aggregation;

import io.newswire.streams.serde.InternalSerde;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The topic-day aggregates in their store and its changelog: a small binary layout written by hand, not Smile.
 * Every counted article writes the aggregate of each of its ~5 topics (a few KB: 50 entity counters, sample
 * titles and ids, sources), and the cache's flush reads it back to publish it, so its encoding is per-article
 * cost on the Streams thread: Jackson Smile's (de)serialisation was ~12 % of that thread at 1,000 articles/s.
 * This layout is read and written in a fraction of that time (figures in docs/benchmarks.md, tuning log).
 *
 * <p>Layout (version 1): the byte {@link #FORMAT_V1}; the article count; the first-seen and last-updated
 * instants (a presence byte, then the epoch second as 8 bytes and the nanoseconds); the sources; the entity
 * counters (id, count) in their order; the sample (article id, title) pairs in their order. Counts and lengths
 * are unsigned variable-length integers (7 bits a byte), strings UTF-8 after their byte length.
 *
 * <p>Values written by an older newswire (Smile, whose header starts with {@code ':'}, or JSON, {@code '{'})
 * are still read, so a changelog written before restores. The bytes are not trusted: a length or count larger
 * than the bytes left, a truncated or overlong value, throws a {@link SerializationException}; nothing is
 * allocated beyond a small multiple of the value's own size.
 */
public final class TopicDayAggregateSerde implements Serde<TopicDayAggregate> {

    /** First byte of the layout: neither JSON's {@code '{'} nor Smile's {@code ':'}. */
    static final byte FORMAT_V1 = 1;
    private static final int MAX_NANOS = 999_999_999;

    private final InternalSerde<TopicDayAggregate> older = new InternalSerde<>(TopicDayAggregate.class);
    /** What the cache's flush would decode again right after the counter wrote it. */
    private final WrittenAggregates written = new WrittenAggregates();

    @Override
    public Serializer<TopicDayAggregate> serializer() {
        return (topic, aggregate) -> {
            if (aggregate == null) {
                return null;
            }
            byte[] bytes = write(aggregate);
            written.remember(bytes, aggregate);
            return bytes;
        };
    }

    @Override
    public Deserializer<TopicDayAggregate> deserializer() {
        Deserializer<TopicDayAggregate> smileOrJson = older.deserializer();
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0 || data[0] != FORMAT_V1) {
                return smileOrJson.deserialize(topic, data);
            }
            TopicDayAggregate known = written.take(data);
            return known != null ? known : read(data);
        };
    }

    static byte[] write(TopicDayAggregate aggregate) {
        Output out = new Output(sizeOfAscii(aggregate));
        out.bytes[out.size++] = FORMAT_V1;
        out.varLong(aggregate.articleCount());
        out.instant(aggregate.firstSeen());
        out.instant(aggregate.lastUpdated());
        out.varLong(aggregate.sources().size());
        for (String source : aggregate.sources()) {
            out.string(source);
        }
        out.varLong(aggregate.entityCounts().size());
        for (Map.Entry<String, Long> entity : aggregate.entityCounts().entrySet()) {
            out.string(entity.getKey());
            out.varLong(entity.getValue());
        }
        List<String> ids = aggregate.sampleArticleIds();
        List<String> titles = aggregate.sampleTitles();
        out.varLong(titles.size());
        for (int i = 0; i < titles.size(); i++) {
            out.string(ids.get(i));
            out.string(titles.get(i));
        }
        return Arrays.copyOf(out.bytes, out.size);
    }

    /**
     * The most bytes the aggregate takes when its text is ASCII: the buffer is sized once for the usual case
     * (a larger guess cost a quarter of the writing, in clearing memory never used) and grows for other text.
     */
    private static int sizeOfAscii(TopicDayAggregate aggregate) {
        int size = 1 + 10 + 2 * 14 + 3 * 5;
        for (String source : aggregate.sources()) {
            size += 5 + source.length();
        }
        for (String entity : aggregate.entityCounts().keySet()) {
            size += 5 + entity.length() + 10;
        }
        for (int i = 0; i < aggregate.sampleTitles().size(); i++) {
            size += 10 + aggregate.sampleTitles().get(i).length() + aggregate.sampleArticleIds().get(i).length();
        }
        return size;
    }

    static TopicDayAggregate read(byte[] data) {
        Input in = new Input(data);
        in.position = 1;
        long articleCount = in.varLong();
        Instant firstSeen = in.instant();
        Instant lastUpdated = in.instant();
        int sourceCount = in.count(1);
        Set<String> sources = new LinkedHashSet<>(capacity(sourceCount));
        for (int i = 0; i < sourceCount; i++) {
            sources.add(in.string());
        }
        int entityCount = in.count(2);
        Map<String, Long> entities = new LinkedHashMap<>(capacity(entityCount));
        for (int i = 0; i < entityCount; i++) {
            entities.put(in.string(), in.varLong());
        }
        int sampleCount = in.count(2);
        List<String> ids = new ArrayList<>(sampleCount);
        List<String> titles = new ArrayList<>(sampleCount);
        for (int i = 0; i < sampleCount; i++) {
            ids.add(in.string());
            titles.add(in.string());
        }
        if (in.position != data.length) {
            throw new SerializationException("not a valid TopicDayAggregate: " + (data.length - in.position)
                    + " bytes after its end");
        }
        return new TopicDayAggregate(articleCount, sources, entities, titles, firstSeen, lastUpdated, ids);
    }

    private static int capacity(int entries) {
        return entries + entries / 3 + 1;
    }

    /** A growing byte array. */
    private static final class Output {
        byte[] bytes;
        int size;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void varLong(long value) {
            ensure(10);
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            bytes[size++] = (byte) rest;
        }

        void instant(Instant instant) {
            ensure(1);
            if (instant == null) {
                bytes[size++] = 0;
                return;
            }
            bytes[size++] = 1;
            ensure(8);
            long seconds = instant.getEpochSecond();
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (seconds >>> shift);
            }
            varLong(instant.getNano());
        }

        void string(String text) {
            // The JDK's encoder: for the usual Latin-1 text, an intrinsic check for non-ASCII chars and a copy.
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            varLong(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }
    }

    /** Reads the layout, checking every length against the bytes left. */
    private static final class Input {
        private final byte[] data;
        int position;

        Input(byte[] data) {
            this.data = data;
        }

        private SerializationException invalid(String why) {
            return new SerializationException("not a valid TopicDayAggregate: " + why + " at byte " + position);
        }

        private byte next() {
            if (position >= data.length) {
                throw invalid("truncated");
            }
            return data[position++];
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    if (value < 0) {
                        throw invalid("a negative number");
                    }
                    return value;
                }
            }
            throw invalid("a number longer than 10 bytes");
        }

        /** A count of elements of at least {@code minBytes} each: never more than the bytes left can hold. */
        int count(int minBytes) {
            long count = varLong();
            if (count > (data.length - position) / minBytes) {
                throw invalid(count + " elements in " + (data.length - position) + " bytes");
            }
            return (int) count;
        }

        String string() {
            int length = count(1);
            String text = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        Instant instant() {
            byte present = next();
            if (present == 0) {
                return null;
            }
            if (present != 1 || data.length - position < 8) {
                throw invalid("an instant that is not one");
            }
            long seconds = 0;
            for (int i = 0; i < 8; i++) {
                seconds = seconds << 8 | (data[position++] & 0xFF);
            }
            long nanos = varLong();
            if (nanos > MAX_NANOS) {
                throw invalid(nanos + " nanoseconds");
            }
            try {
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (DateTimeException e) {
                throw invalid("an instant out of range");
            }
        }
    }
}
