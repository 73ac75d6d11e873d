package io.newswire.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.dashboard.api.ApiViews.RankedTopic;
import io.newswire.dashboard.api.DashboardQueries.TopicDayRow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicRankerTest {

    private static final LocalDate DAY = LocalDate.parse("2024-11-05");

    @Test
    void shouldRankBySameDayCountThenByChangeAgainstTheTrailingWeek() {
        List<TopicDayRow> rows = List.of(
                // steady: 4 a day all week, 4 today → no change
                row("steady", "2024-10-29", 4), row("steady", "2024-10-30", 4), row("steady", "2024-10-31", 4),
                row("steady", "2024-11-01", 4), row("steady", "2024-11-02", 4), row("steady", "2024-11-03", 4),
                row("steady", "2024-11-04", 4), row("steady", "2024-11-05", 4),
                // spike: nothing all week, 4 today
                row("spike", "2024-11-05", 4),
                // quiet: only an old day
                row("quiet", "2024-10-01", 9));

        List<RankedTopic> ranked = TopicRanker.rank(rows, DAY);

        assertThat(ranked).extracting(RankedTopic::id).containsExactly("spike", "steady", "quiet");
        RankedTopic steady = ranked.get(1);
        assertThat(steady.trailingAverage()).isEqualTo(4.0);
        assertThat(steady.change()).isEqualTo(0.0);
        assertThat(ranked.get(0).change()).isEqualTo(4.0);
        assertThat(ranked.get(2).count()).isZero();
        assertThat(ranked.get(2).total()).isEqualTo(9);
    }

    @Test
    void shouldDrawTheSparklineOverTheLastFourteenDaysOldestFirst() {
        RankedTopic topic = TopicRanker.rank(List.of(row("t", "2024-10-23", 2), row("t", "2024-11-05", 3),
                row("t", "2024-10-22", 7)), DAY).get(0);

        assertThat(topic.sparkline()).hasSize(TopicRanker.SPARKLINE_DAYS);
        assertThat(topic.sparkline().get(0)).isEqualTo(2L);
        assertThat(topic.sparkline().get(13)).isEqualTo(3L);
        assertThat(topic.sparkline().stream().mapToLong(Long::longValue).sum()).isEqualTo(5L);
    }

    private static TopicDayRow row(String topic, String day, long count) {
        return new TopicDayRow(topic, day, count, 1);
    }
}
