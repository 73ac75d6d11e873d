package io.newswire.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String STORY = "According to Ukrainian intelligence services, there are already 11,000"
            + " soldiers from North Korea in the Kursk region. In exchange for the soldiers, Pyongyang will receive"
            + " up to 700,000 tonnes of rice per year from Moscow, as well as space and, possibly, military"
            + " technologies. The involvement of North Korean troops in the war is a new escalation, officials said,"
            + " and allies in Seoul, Tokyo and Washington are discussing a joint response at the United Nations.";

    @Test
    void shouldGiveALightlyEditedCopyANearbyFingerprint() {
        long original = SimHash.of(STORY);
        assertThat(SimHash.distance(original, SimHash.of(STORY + " (Reuters)"))).isLessThanOrEqualTo(6);
        assertThat(SimHash.distance(original, SimHash.of(STORY.toUpperCase(java.util.Locale.ROOT)))).isZero();
        assertThat(SimHash.distance(original, SimHash.of(STORY.replace("officials said", "a spokesman said"))))
                .isLessThanOrEqualTo(6);
    }

    @Test
    void shouldKeepDifferentStoriesFarApart() {
        String other = "The central bank raised interest rates by half a point on Thursday, citing inflation that"
                + " has stayed above its target for a year, and signalled that more increases may follow in spring.";
        assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(other))).isGreaterThan(12);
    }

    @Test
    void bandsShouldShareAKeyWheneverTwoFingerprintsAreWithinTheDistance() {
        SimHashBands bands = new SimHashBands(6);
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            long a = random.nextLong();
            long b = a;
            for (int flip = 0; flip < 6; flip++) {
                b ^= 1L << random.nextInt(64);
            }
            boolean shared = false;
            for (int band = 0; band < bands.count(); band++) {
                shared |= bands.band(a, band) == bands.band(b, band);
            }
            assertThat(shared).as("%x vs %x share a band", a, b).isTrue();
        }
        assertThat(bands.count()).isEqualTo(7);
        int covered = 0;
        for (int band = 0; band < bands.count(); band++) {
            covered += Long.bitCount(bands.band(-1L, band));
        }
        assertThat(covered).as("the bands cover every bit once").isEqualTo(64);
    }
}
