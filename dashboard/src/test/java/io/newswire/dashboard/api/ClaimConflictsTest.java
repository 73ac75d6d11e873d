package io.newswire.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.dashboard.api.ApiViews.Claim;
import io.newswire.dashboard.api.ApiViews.Conflict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimConflictsTest {

    @Test
    void shouldPutComparableButDifferentNumbersOfTheSameUnitSideBySide() {
        List<Conflict> conflicts = ClaimConflicts.find(List.of(
                claim(11_000, "soldiers", "a"), claim(12_000, "soldiers", "b"),
                claim(700_000, "tonnes", "a"), claim(11_000, "soldiers", "c")));

        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).unit()).isEqualTo("soldiers");
        assertThat(conflicts.get(0).claims()).extracting(Claim::articleId).containsExactly("a", "c", "b");
    }

    @Test
    void shouldNotCallAgreeingOrFarApartNumbersAConflict() {
        assertThat(ClaimConflicts.find(List.of(claim(11_000, "soldiers", "a"), claim(11_000, "soldiers", "b"))))
                .isEmpty();
        assertThat(ClaimConflicts.find(List.of(claim(11_000, "soldiers", "a"), claim(50, "soldiers", "b"))))
                .as("different things counted").isEmpty();
        assertThat(ClaimConflicts.find(List.of(claim(11_000, "soldiers", "a"), claim(12_000, "soldiers", "a"))))
                .as("one article's own numbers").isEmpty();
    }

    private static Claim claim(double value, String unit, String article) {
        return new Claim(value, unit, String.format("%,.0f %s", value, unit), article, "title " + article, "seed",
                "2024-11-05");
    }
}
