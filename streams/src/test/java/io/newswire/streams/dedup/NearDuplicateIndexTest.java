package io.newswire.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    private static final long DAY = 86_400_000L;
    private final SimHashBands bands = new SimHashBands(6);

    @Test
    void shouldFindTheEarliestFingerprintWithinTheDistanceAndNothingFarther() {
        NearDuplicateIndex index = new NearDuplicateIndex(bands, 90 * DAY);
        long first = 0x0123_4567_89ab_cdefL;
        long second = first ^ 0b11L;
        index.add(first, 0);
        index.add(second, 1);

        assertThat(index.nearest(first ^ 0b100_0000L)).isEqualTo(first);
        assertThat(index.nearest(second ^ (0b11_1111L << 20))).as("6 bits from the second only").isEqualTo(second);
        assertThat(index.nearest(first ^ (0b111_1111_1111L << 30))).as("11 bits away").isNull();
    }

    @Test
    void shouldAgreeWithAFullScanOnRandomFingerprints() {
        NearDuplicateIndex index = new NearDuplicateIndex(bands, 90 * DAY);
        Random random = new Random(7);
        long[] added = new long[5_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = random.nextLong();
            index.add(added[i], i);
        }
        assertThat(index.size()).isEqualTo(added.length);
        for (int i = 0; i < 2_000; i++) {
            long probe = added[random.nextInt(added.length)];
            for (int flip = random.nextInt(9); flip > 0; flip--) {
                probe ^= 1L << random.nextInt(64);
            }
            Long expected = null;
            for (long candidate : added) {
                if (SimHash.distance(candidate, probe) <= 6) {
                    expected = candidate;
                    break;
                }
            }
            assertThat(index.nearest(probe)).as("probe %x", probe).isEqualTo(expected);
        }
    }

    @Test
    void shouldForgetFingerprintsOlderThanTheRetention() {
        NearDuplicateIndex index = new NearDuplicateIndex(bands, 2 * DAY);
        long old = 0x5555_5555_0000_0000L;
        index.add(old, 0);
        index.add(0x0000_0000_5555_5555L, DAY);
        assertThat(index.nearest(old)).isEqualTo(old);

        index.add(0xffff_0000_ffff_0000L, 3 * DAY);

        assertThat(index.nearest(old)).isNull();
        assertThat(index.nearest(0x0000_0000_5555_5555L)).isEqualTo(0x0000_0000_5555_5555L);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void shouldRebuildFromTheFingerprintStoreInArrivalOrder() {
        long first = 0x5555_5555_0000_0000L;
        long second = first ^ 0b111L; // within the distance of the first: the first to arrive is the one found
        long other = 0x0f0f_0f0f_0f0f_0f0fL;
        // The second arrived later but carries an earlier record time (another input partition's clock),
        // and the store lists entries by time and key, not by arrival.
        List<KeyValue<Windowed<String>, String>> store = List.of(
                entry(second, DAY, 1, "second"), entry(other, 5 * DAY, 2, "other"), entry(first, 2 * DAY, 0, "first"));

        Deduplicator.RebuiltIndex rebuilt = Deduplicator.indexOf(store.iterator(), bands, Duration.ofDays(90));

        assertThat(rebuilt.index().size()).isEqualTo(3);
        assertThat(rebuilt.index().nearest(first ^ 0b1000L)).as("the first to arrive").isEqualTo(first);
        assertThat(rebuilt.index().nearest(other)).isEqualTo(other);
        assertThat(rebuilt.nextArrival()).isEqualTo(3);
        assertThat(Deduplicator.indexOf(store.iterator(), bands, Duration.ofDays(2)).index().size())
                .as("what is past the retention before the latest entry is not rebuilt").isEqualTo(1);
        assertThat(Deduplicator.indexOf(List.<KeyValue<Windowed<String>, String>>of().iterator(), bands,
                Duration.ofDays(90)).nextArrival()).isZero();
    }

    @Test
    void shouldKeepColonsInTheStoredId() {
        Deduplicator.StoredOriginal stored = new Deduplicator.StoredOriginal(42, "urn:feed:7");

        assertThat(Deduplicator.StoredOriginal.parse(stored.value())).isEqualTo(stored);
    }

    private static KeyValue<Windowed<String>, String> entry(long fingerprint, long time, long arrival, String id) {
        return KeyValue.pair(new Windowed<>(Long.toHexString(fingerprint), new TimeWindow(time, time + 1)),
                new Deduplicator.StoredOriginal(arrival, id).value());
    }
}
