package io.newswire.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.app.Components;
import io.newswire.common.Json;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkBatch;
import io.newswire.dashboard.DashboardServer;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.eval.Evaluation;
import io.newswire.streams.tagging.eval.GoldArticle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds, tagged by the shipped tagger and stored in a sink, on the dashboard's topic page: the 11,000 North
 * Korean soldiers of one report and the 12,000 DPRK troops of another are one subject, so they show as a
 * conflict side by side with their articles.
 */
class SeedConflictsTest {

    private static final String DAY = "2024-11-05";

    @TempDir
    Path dir;

    @Test
    void shouldShowElevenAgainstTwelveThousandNorthKoreanTroopsAsAConflictOnTheSeedsTopicPage() throws Exception {
        LuceneTagger tagger = Components.tagger(null);
        List<TaggedArticle> seeds = new ArrayList<>();
        for (GoldArticle gold : Evaluation.readGold(Path.of("../eval/gold.jsonl"))) {
            if (gold.id().startsWith("seed-")) {
                seeds.add(TaggedArticle.of(gold.article(), DAY, "published", tagger.tag(gold.article())));
            }
        }
        Set<String> topics = new HashSet<>();
        seeds.forEach(a -> a.topics().forEach(t -> topics.add(t.id())));
        Instant now = Instant.parse("2024-11-05T12:00:00Z");
        List<TopicDaySummary> summaries = topics.stream().map(topic -> new TopicDaySummary(1, topic, DAY,
                seeds.stream().filter(a -> a.topics().stream().map(TopicScore::id).anyMatch(topic::equals)).count(), 1,
                List.of(), List.of(), now, now)).toList();
        String sinkUrl = dir.resolve("newswire.db").toString();
        try (JdbcSink sink = JdbcSink.open(sinkUrl)) {
            sink.write(new SinkBatch(summaries, seeds, Map.of()));
        }
        DashboardServer dashboard = new DashboardServer(sinkUrl, null, Topics.defaults());
        try {
            dashboard.start("127.0.0.1", 0);
            List<JsonNode> troopConflicts = new ArrayList<>();
            for (String topic : topics) {
                for (JsonNode conflict : topicPage(dashboard.port(), topic).get("conflicts")) {
                    if ("north-korea troops".equals(conflict.path("subject").asText())) {
                        troopConflicts.add(conflict);
                    }
                }
            }

            assertThat(troopConflicts).as("a topic page where the seeds' troop numbers meet").isNotEmpty();
            assertThat(troopConflicts).allSatisfy(conflict -> {
                assertThat(conflict.get("claims")).extracting(c -> c.get("value").asLong()).contains(11_000L, 12_000L);
                assertThat(conflict.get("claims")).extracting(c -> c.get("articleId").asText()).doesNotHaveDuplicates()
                        .hasSizeGreaterThanOrEqualTo(2);
            });
        } finally {
            dashboard.close();
        }
    }

    private static JsonNode topicPage(int port, String topic) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/topics/" + topic)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("topic page of %s", topic).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
