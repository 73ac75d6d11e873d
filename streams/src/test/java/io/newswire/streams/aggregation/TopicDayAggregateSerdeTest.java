package io.newswire.streams.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.JsonSerde;
import io.newswire.streams.serde.InternalSerde;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class TopicDayAggregateSerdeTest {

    private final TopicDayAggregateSerde serde = new TopicDayAggregateSerde();
    private final Serializer<TopicDayAggregate> serializer = serde.serializer();
    private final Deserializer<TopicDayAggregate> deserializer = serde.deserializer();

    /** A full aggregate: the entity cap reached, a sample, non-ASCII text, instants to the nanosecond. */
    static TopicDayAggregate busyAggregate() {
        TopicDayAggregate aggregate = TopicDayAggregate.empty();
        for (int i = 0; i < 120; i++) {
            aggregate = aggregate.add(new ArticleContribution(String.format("id-%03d", 997 * i % 120),
                    "rss:https://feeds.example/" + (i % 17) + "/ünïcödé",
                    "Title " + i + " — “quoted”, an emoji 🚀 and a tab\t", List.of("entity-" + (i % 70), "nato", "kyiv"),
                    Instant.parse("2026-11-02T10:15:30.123456789Z").plusSeconds(i)));
        }
        return aggregate;
    }

    /** Through a copy of the bytes: the very array written gives back the aggregate written, undecoded. */
    private TopicDayAggregate roundTrip(TopicDayAggregate aggregate) {
        return deserializer.deserialize("t", serializer.serialize("t", aggregate).clone());
    }

    @Test
    void shouldGiveBackTheSameAggregate() {
        TopicDayAggregate busy = busyAggregate();
        assertThat(busy.entityCounts()).hasSize(TopicDayAggregate.MAX_ENTITIES);

        assertThat(roundTrip(busy)).isEqualTo(busy);
        assertThat(roundTrip(busy).toSummary("nato", "2026-11-02")).isEqualTo(busy.toSummary("nato", "2026-11-02"));
        assertThat(List.copyOf(roundTrip(busy).entityCounts().keySet()))
                .containsExactlyElementsOf(busy.entityCounts().keySet());
        assertThat(roundTrip(TopicDayAggregate.empty())).isEqualTo(TopicDayAggregate.empty());
        TopicDayAggregate farFuture = new TopicDayAggregate(Long.MAX_VALUE, busy.sources(), busy.entityCounts(),
                busy.sampleTitles(), Instant.MIN, Instant.MAX, busy.sampleArticleIds());
        assertThat(roundTrip(farFuture)).isEqualTo(farFuture);
        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void shouldGiveBackTheAggregateWrittenForTheSameArrayOnce() {
        TopicDayAggregate busy = busyAggregate();
        byte[] bytes = serializer.serialize("t", busy);

        assertThat(deserializer.deserialize("t", bytes)).isSameAs(busy);
        assertThat(deserializer.deserialize("t", bytes)).isNotSameAs(busy).isEqualTo(busy);
    }

    @Test
    void shouldPublishOnTheCacheFlushWithoutDecodingWhatTheCounterWrote() {
        Set<TopicDayAggregate> written = Collections.newSetFromMap(new IdentityHashMap<>());
        AtomicInteger decoded = new AtomicInteger();
        Serde<TopicDayAggregate> watched = Serdes.serdeFrom(
                (topic, aggregate) -> {
                    written.add(aggregate);
                    return serializer.serialize(topic, aggregate);
                },
                (topic, data) -> {
                    TopicDayAggregate aggregate = deserializer.deserialize(topic, data);
                    if (aggregate != null && !written.contains(aggregate)) {
                        decoded.incrementAndGet();
                    }
                    return aggregate;
                });
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), watched)
                .withCachingEnabled());
        builder.stream("in", Consumed.with(Serdes.String(), new JsonSerde<>(TaggedArticle.class)))
                .process(() -> new TopicDayCounter("counts"), "counts")
                .to("out", Produced.with(Serdes.String(), new JsonSerde<>(TopicDaySummary.class)));
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "flush-" + UUID.randomUUID());
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), settings)) {
            TestInputTopic<String, TaggedArticle> in = driver.createInputTopic("in", new StringSerializer(),
                    new JsonSerde<>(TaggedArticle.class).serializer());
            TestOutputTopic<String, TopicDaySummary> out = driver.createOutputTopic("out", new StringDeserializer(),
                    new JsonSerde<>(TopicDaySummary.class).deserializer());

            for (int i = 0; i < 3; i++) {
                in.pipeInput("a" + i, TopicDayCounterTest.article("Title " + i, "nato", "russia"));
            }

            assertThat(out.readValuesToList()).extracting(TopicDaySummary::articleCount).containsExactly(1L, 1L, 2L, 2L, 3L, 3L);
        }
        assertThat(written).isNotEmpty();
        assertThat(decoded).hasValue(0);
    }

    @Test
    void shouldWriteAFirstByteThatIsNeitherJsonNorSmileAndFewerBytesThanSmile() {
        TopicDayAggregate busy = busyAggregate();
        byte[] bytes = serializer.serialize("t", busy);

        assertThat(bytes[0]).isEqualTo(TopicDayAggregateSerde.FORMAT_V1).isNotEqualTo((byte) '{').isNotEqualTo((byte) ':');
        assertThat(bytes.length).isLessThan(new InternalSerde<>(TopicDayAggregate.class).serializer().serialize("t", busy).length);
    }

    @Test
    void shouldStillReadTheSmileAndJsonThatOlderVersionsWrote() {
        TopicDayAggregate busy = busyAggregate();
        byte[] smile = new InternalSerde<>(TopicDayAggregate.class).serializer().serialize("t", busy);
        byte[] json = new JsonSerde<>(TopicDayAggregate.class).serializer().serialize("t", busy);

        assertThat(deserializer.deserialize("t", smile)).isEqualTo(busy);
        assertThat(deserializer.deserialize("t", json)).isEqualTo(busy);
    }

    @Test
    void shouldRefuseEveryTruncationAndTrailingBytes() {
        byte[] bytes = serializer.serialize("t", busyAggregate());
        for (int length = 1; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
                    .as("truncated to %d bytes", length).isInstanceOf(SerializationException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> deserializer.deserialize("t", longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("after its end");
    }

    @Test
    void shouldRefuseAHostileCountWithoutAllocatingIt() {
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        hostile.write(TopicDayAggregateSerde.FORMAT_V1);
        hostile.write(1); // one article
        hostile.write(0); // no first-seen instant
        hostile.write(0); // no last-updated instant
        hostile.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}); // 2^31 - 1 sources
        hostile.write(0);

        assertThatThrownBy(() -> deserializer.deserialize("t", hostile.toByteArray()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2147483647 elements in 1 bytes");
        byte[] elevenByteNumber = new byte[12];
        Arrays.fill(elevenByteNumber, (byte) 0xFF);
        elevenByteNumber[0] = TopicDayAggregateSerde.FORMAT_V1;
        assertThatThrownBy(() -> deserializer.deserialize("t", elevenByteNumber))
                .isInstanceOf(SerializationException.class).hasMessageContaining("longer than 10 bytes");
    }

    @Test
    void shouldRefuseRandomBytesWithASerializationExceptionOnly() {
        byte[] valid = serializer.serialize("t", busyAggregate());
        Random random = new Random(42);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[1 + random.nextInt(mutated.length - 1)] = (byte) random.nextInt(256);
            }
            try {
                deserializer.deserialize("t", mutated);
            } catch (SerializationException e) {
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }
}
