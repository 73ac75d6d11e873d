package io.newswire.streams.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicDaySummary.EntityCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicDayAggregateTest {

    private static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    void shouldRankTheTopEntitiesByCountThenIdAsASortWould() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            TopicDayAggregate aggregate = TopicDayAggregate.empty();
            for (int i = 0, articles = random.nextInt(80); i < articles; i++) {
                List<String> entities = new ArrayList<>();
                for (int e = random.nextInt(6); e > 0; e--) {
                    entities.add("e" + random.nextInt(1 + random.nextInt(70)));
                }
                aggregate = aggregate.add(new ArticleContribution("id-" + random.nextInt(1000), "s", "t", entities, NOON));
            }
            List<EntityCount> sorted = aggregate.entityCounts().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TopicDayAggregate.TOP_ENTITIES)
                    .map(e -> new EntityCount(e.getKey(), e.getValue()))
                    .toList();

            assertThat(aggregate.toSummary("nato", "2026-11-02").topEntities()).containsExactlyElementsOf(sorted);
        }
    }

    @Test
    void shouldLeaveTheStateItAddsToAsItWas() {
        TopicDayAggregate before = TopicDayAggregateSerdeTest.busyAggregate();
        TopicDaySummary summaryBefore = before.toSummary("nato", "2026-11-02");
        TopicDayAggregate copy = new TopicDayAggregate(before.articleCount(), Set.copyOf(before.sources()),
                Map.copyOf(before.entityCounts()), List.copyOf(before.sampleTitles()), before.firstSeen(),
                before.lastUpdated(), List.copyOf(before.sampleArticleIds()));

        TopicDayAggregate after = before.add(new ArticleContribution("id-000-a", "a new source", "A new title",
                List.of("nato", "a-new-entity"), NOON.plusSeconds(86_000)));

        assertThat(before).isEqualTo(copy);
        assertThat(before.toSummary("nato", "2026-11-02")).isEqualTo(summaryBefore);
        assertThat(after.articleCount()).isEqualTo(before.articleCount() + 1);
        assertThat(after.sources()).hasSize(before.sources().size() + 1).contains("a new source");
        assertThat(after.entityCounts().get("nato")).isEqualTo(before.entityCounts().get("nato") + 1);
        assertThat(after.sampleArticleIds()).contains("id-000-a");
        assertThat(after.lastUpdated()).isEqualTo(NOON.plusSeconds(86_000));
    }

    @Test
    void shouldKeepTheCollectionsAnArticleLeavesAsTheyAre() {
        TopicDayAggregate before = TopicDayAggregateSerdeTest.busyAggregate();
        String knownSource = before.sources().iterator().next();

        TopicDayAggregate after = before.add(new ArticleContribution("zz-after-the-sample", knownSource, "Late",
                List.of(), NOON));

        assertThat(after.sources()).isSameAs(before.sources());
        assertThat(after.entityCounts()).isSameAs(before.entityCounts());
        assertThat(after.sampleTitles()).isSameAs(before.sampleTitles());
        assertThat(after.articleCount()).isEqualTo(before.articleCount() + 1);
    }
}
