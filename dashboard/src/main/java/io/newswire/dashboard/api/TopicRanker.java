package io.newswire.dashboard.api;

import io.newswire.dashboard.api.ApiViews.RankedTopic;
import io.newswire.dashboard.api.DashboardQueries.TopicDayRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Ranks topics on a reference day by their articles that day and by how far that stands above their
 * trailing seven-day average, so that a spike stands out even for a topic that is usually small.
 * A pure function of the summaries: no I/O.
 */
public final class TopicRanker {

    /** Days over which the average that a day is compared with runs (the days before it). */
    public static final int TRAILING_DAYS = 7;
    public static final int SPARKLINE_DAYS = 14;

    private TopicRanker() {
    }

    /**
     * @param rows summaries covering at least {@code day - SPARKLINE_DAYS} to {@code day} (others are ignored
     *             except for the totals)
     * @return every topic that has a summary, most articles on {@code day} first, then the biggest change
     */
    public static List<RankedTopic> rank(List<TopicDayRow> rows, LocalDate day) {
        Map<String, Map<LocalDate, Long>> byTopic = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (TopicDayRow row : rows) {
            byTopic.computeIfAbsent(row.topic(), t -> new HashMap<>()).put(LocalDate.parse(row.day()), row.articleCount());
            totals.merge(row.topic(), row.articleCount(), Long::sum);
        }
        List<RankedTopic> ranked = new ArrayList<>();
        for (String topic : new TreeSet<>(byTopic.keySet())) {
            Map<LocalDate, Long> counts = byTopic.get(topic);
            long count = counts.getOrDefault(day, 0L);
            long trailing = 0;
            for (int i = 1; i <= TRAILING_DAYS; i++) {
                trailing += counts.getOrDefault(day.minusDays(i), 0L);
            }
            double average = (double) trailing / TRAILING_DAYS;
            List<Long> sparkline = new ArrayList<>();
            for (int i = SPARKLINE_DAYS - 1; i >= 0; i--) {
                sparkline.add(counts.getOrDefault(day.minusDays(i), 0L));
            }
            ranked.add(new RankedTopic(topic, count, round(average), round(count - average), totals.get(topic),
                    sparkline));
        }
        ranked.sort(Comparator.comparingLong(RankedTopic::count).reversed()
                .thenComparing(Comparator.comparingDouble(RankedTopic::change).reversed())
                .thenComparing(Comparator.comparingLong(RankedTopic::total).reversed())
                .thenComparing(RankedTopic::id));
        return ranked;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
