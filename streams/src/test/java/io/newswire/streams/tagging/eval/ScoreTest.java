package io.newswire.streams.tagging.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void shouldComputePrecisionRecallAndF1FromCounts() {
        Score score = Score.of(Set.of("a", "b", "c", "d"), Set.of("a", "b", "e"));

        assertThat(score).isEqualTo(new Score(2, 2, 1));
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), within(1e-9));
    }

    @Test
    void shouldMicroAverageBySummingCounts() {
        Score total = Score.of(Set.of("a"), Set.of("a")).plus(Score.of(Set.of("x"), Set.of("y")));

        assertThat(total).isEqualTo(new Score(1, 1, 1));
        assertThat(total.f1()).isEqualTo(0.5);
    }

    @Test
    void shouldScoreNothingPredictedForNothingExpectedAsPerfect() {
        assertThat(Score.of(Set.of(), Set.of()).f1()).isEqualTo(1.0);
        assertThat(Score.of(Set.of(), Set.of("a")).f1()).isEqualTo(0.0);
    }
}
