package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.testsupport.Drain;
import io.newswire.testsupport.SharedKafka;
import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.SinkReader;
import io.newswire.consumer.sink.SinkReader.TopicDayCount;
import io.newswire.producer.ArticlePublisher;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.Tagger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswire reprocess}: a taxonomy change rebuilds the summaries and the sink from the raw topic. */
class ReprocessIT {

    private static final Instant DAY = Instant.parse("2026-11-20T10:00:00Z");
    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @TempDir
    Path dir;

    private static Tagger taggingEverythingAs(String topic) {
        return article -> Tags.topicsOnly(List.of(new TopicScore(topic, 1)));
    }

    @Test
    void shouldRebuildTheSummariesAndTheSinkWithTheNewTagger() throws Exception {
        Properties config = KAFKA.isolatedConfig("reprocess");
        Topics topics = Topics.from(config);
        TopologyConfig oldTaxonomy = new TopologyConfig(topics, taggingEverythingAs("old-topic"), new DayResolver());
        TopologyConfig newTaxonomy = new TopologyConfig(topics, taggingEverythingAs("new-topic"), new DayResolver());
        List<Article> articles = List.of(
                Article.create("http", "https://example.org/1", "One", "first", DAY, DAY, "en"),
                Article.create("http", "https://example.org/2", "Two", "second", DAY, DAY, "en"));
        String sink = dir.resolve("newswire.db").toString();
        Path state = dir.resolve("state");

        try (KafkaAdmin admin = new KafkaAdmin(config); SinkReader reader = new SinkReader(sink)) {
            admin.createMissingTopics(topics.names(), 2);
            try (Pipeline pipeline = new Pipeline(config, oldTaxonomy, state, sink, batch -> { })) {
                pipeline.start(Duration.ofSeconds(60));
                try (ArticlePublisher publisher = new ArticlePublisher(config, topics.raw())) {
                    for (Article article : articles) {
                        publisher.publish(article).get();
                    }
                }
                Drain.await(() -> reader.countArticles(articles.stream().map(Article::id).toList()) == 2
                        && pipeline.drained(admin.admin()), pipeline::failure, Duration.ofSeconds(60));
                assertThat(reader.topicDays()).extracting(TopicDayCount::topic).containsExactly("old-topic");
                // The topics Kafka Streams created are the ones StreamsApp reads off the topology: what a reset deletes.
                String appId = pipeline.streams().applicationId();
                assertThat(admin.admin().listTopics().names().get().stream().filter(t -> t.startsWith(appId + "-")))
                        .containsExactlyInAnyOrderElementsOf(pipeline.streams().internalTopics().all());

                // While the pipeline runs, reprocessing refuses: it would race the running instances.
                assertThatThrownBy(() -> new Reprocessing(config, newTaxonomy, state, sink,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                        .run(Duration.ofSeconds(5)))
                        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("stop ");
            }

            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            boolean done = new Reprocessing(config, newTaxonomy, state, sink,
                    new PrintStream(progress, true, StandardCharsets.UTF_8)).run(Duration.ofSeconds(90));

            assertThat(done).as(progress.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(progress.toString(StandardCharsets.UTF_8)).contains("re-tagged 2/2 raw records", "reprocessed");
            assertThat(reader.topicDays()).containsExactly(new TopicDayCount("new-topic", "2026-11-20", 2, 1));
            assertThat(reader.countArticles(articles.stream().map(Article::id).toList())).isEqualTo(2);
        }
    }
}
