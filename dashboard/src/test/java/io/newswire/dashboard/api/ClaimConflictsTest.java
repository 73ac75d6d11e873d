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

    @Test
    void shouldCompareClaimsAboutTheSameSubjectWhateverTheirWords() {
        List<Conflict> conflicts = ClaimConflicts.find(List.of(
                claim(11_000, "soldiers", "seed-002", "north-korea troops"),
                claim(12_000, "troops", "seed-004", "north-korea troops"),
                claim(12_000, "servicemen", "seed-004", "north-korea troops"),
                claim(10_000, "troops", "other", "ukraine troops")));

        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).subject()).isEqualTo("north-korea troops");
        assertThat(conflicts.get(0).claims()).extracting(Claim::value).containsExactly(11_000.0, 12_000.0);
        assertThat(conflicts.get(0).claims()).extracting(Claim::articleId).contains("seed-002", "seed-004");
    }

    @Test
    void shouldNotCompareTheSameUnitAboutDifferentSubjects() {
        assertThat(ClaimConflicts.find(List.of(claim(11_000, "troops", "a", "north-korea troops"),
                claim(12_000, "troops", "b", "ukraine troops")))).isEmpty();
    }

    private static Claim claim(double value, String unit, String article) {
        return claim(value, unit, article, null);
    }

    private static Claim claim(double value, String unit, String article, String subject) {
        return new Claim(value, unit, String.format("%,.0f %s", value, unit), article, "title " + article, "seed",
                "2024-11-05", subject);
    }
}
