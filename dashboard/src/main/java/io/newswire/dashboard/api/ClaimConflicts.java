package io.newswire.dashboard.api;

import io.newswire.dashboard.api.ApiViews.Claim;
import io.newswire.dashboard.api.ApiViews.Conflict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds claims that disagree: two articles counting the same thing with different but comparable numbers
 * (11,000 vs 12,000). The same thing is the same normalised subject when the tagger gave one ("11,000 North
 * Korean soldiers", "12,000 DPRK troops" and "troops from North Korea" are all {@code north-korea troops}),
 * else the same unit. Numbers far apart (a factor of more than {@link #MAX_RATIO}) usually count different
 * things (troops sent vs troops killed), so they are not put side by side.
 */
public final class ClaimConflicts {

    static final double MAX_RATIO = 2.0;
    private static final int MAX_CONFLICTS = 10;

    private ClaimConflicts() {
    }

    /** The subject when the claim has one, else its unit. */
    private static String key(Claim claim) {
        String subject = claim.subject();
        return (subject == null || subject.isBlank() ? claim.unit() : subject).toLowerCase(Locale.ROOT);
    }

    public static List<Conflict> find(List<Claim> claims) {
        Map<String, List<Claim>> byUnit = new LinkedHashMap<>();
        for (Claim claim : claims) {
            if (claim.unit() != null && !claim.unit().isBlank() && claim.value() > 0) {
                byUnit.computeIfAbsent(key(claim), u -> new ArrayList<>()).add(claim);
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        byUnit.forEach((unit, unitClaims) -> {
            List<Claim> disagreeing = new ArrayList<>();
            for (Claim a : unitClaims) {
                boolean disputed = unitClaims.stream().anyMatch(b -> !b.articleId().equals(a.articleId())
                        && b.value() != a.value()
                        && Math.max(a.value(), b.value()) / Math.min(a.value(), b.value()) <= MAX_RATIO);
                if (disputed && disagreeing.stream().noneMatch(c -> c.articleId().equals(a.articleId())
                        && c.value() == a.value())) {
                    disagreeing.add(a);
                }
            }
            if (!disagreeing.isEmpty()) {
                disagreeing.sort(Comparator.comparingDouble(Claim::value));
                boolean bySubject = unitClaims.get(0).subject() != null && !unitClaims.get(0).subject().isBlank();
                conflicts.add(new Conflict(unit, bySubject ? unit : null, List.copyOf(disagreeing)));
            }
        });
        conflicts.sort(Comparator.comparingInt((Conflict c) -> c.claims().size()).reversed());
        return conflicts.size() > MAX_CONFLICTS ? List.copyOf(conflicts.subList(0, MAX_CONFLICTS)) : conflicts;
    }
}
