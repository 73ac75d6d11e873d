package io.newswire.app;

import io.newswire.testsupport.DeadLetters;
import io.newswire.testsupport.Drain;
import io.newswire.testsupport.SinkTables;
import io.newswire.testsupport.TestNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.common.Article;
import io.newswire.common.Topics;
import io.newswire.consumer.sink.SinkReader;
import io.newswire.consumer.sink.SinkReader.TopicDayCount;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.SeedReplay;
import io.newswire.producer.seeds.SeedParser;
import io.newswire.producer.seeds.SeedReader;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.Tagger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five seeds through a real broker, the real topology and consumer, into SQLite. One scenario code, two
 * brokers: {@link PipelineIT} runs it on the in-JVM cluster, {@link PipelineContainerIT} on a Kafka container
 * where Docker runs.
 */
abstract class PipelineScenarios {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    /** The broker under test, e.g. {@code 127.0.0.1:40123}. */
    protected abstract String bootstrapServers();

    /** Unique topic names and ids per test, so tests never see each other's records. */
    private Properties isolatedConfig() {
        return TestNames.unique("pipeline").config(bootstrapServers());
    }

    /** Every article is about "north-korea"; the ones whose body says "troops" (seeds 003 and 004) also about "troops". */
    private static final Tagger SIMPLE_TAGGER = article -> {
        List<io.newswire.common.TopicScore> topics = new ArrayList<>();
        topics.add(new io.newswire.common.TopicScore("north-korea", 1));
        if (article.body().contains("troops")) {
            topics.add(new io.newswire.common.TopicScore("troops", 1));
        }
        return io.newswire.common.Tags.topicsOnly(topics);
    };

    @Test
    void shouldCarryTheFiveSeedsIntoSqlite() throws Exception {
        Properties config = isolatedConfig();
        // Tagged ahead on two threads whatever the machine's cores (the default is one per core beyond the first).
        config.put(StreamsApp.TAGGING_THREADS_CONFIG, "2");
        TopologyConfig topology = new TopologyConfig(Topics.from(config), SIMPLE_TAGGER, new DayResolver());
        List<Article> seeds = new SeedReader(new SeedParser(Clock.fixed(NOW, ZoneOffset.UTC)))
                .read(Path.of("..", "seeds"));
        String sink = dir.resolve("newswire.db").toString();

        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            admin.createMissingTopics(topology.topics().names(), 3);
            try (Pipeline pipeline = new Pipeline(config, topology, dir.resolve("state"), sink, batch -> { });
                 SinkReader reader = new SinkReader(sink)) {
                pipeline.start(Duration.ofSeconds(60));
                try (ArticlePublisher publisher = new ArticlePublisher(config, topology.topics().raw())) {
                    ByteArrayOutputStream progress = new ByteArrayOutputStream();
                    SeedReplay.Result result = new SeedReplay(publisher,
                            new PrintStream(progress, true, StandardCharsets.UTF_8)).replay(seeds);
                    assertThat(result.acknowledged()).isEqualTo(5);
                    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("replayed 5/5 articles");
                }

                Drain.await(() -> reader.countArticles(seeds.stream().map(Article::id).toList()) == 5
                        && pipeline.drained(admin.admin()), pipeline::failure, Duration.ofSeconds(60));

                assertThat(reader.topicDays()).containsExactlyInAnyOrder(
                        new TopicDayCount("north-korea", "2024-10-15", 1, 1),
                        new TopicDayCount("north-korea", "2024-10-26", 1, 1),
                        new TopicDayCount("north-korea", "2024-11-05", 1, 1),
                        new TopicDayCount("north-korea", "2026-11-23", 2, 1),
                        new TopicDayCount("troops", "2024-10-26", 1, 1),
                        new TopicDayCount("troops", "2026-11-23", 1, 1));
                assertThat(pipeline.failure()).isNull();
            }
        }
        assertThat(SinkTables.rows(sink, "SELECT day_source FROM articles WHERE day = '2026-11-23'"))
                .containsOnly("ingested").hasSize(2);
        assertThat(SinkTables.rows(sink, "SELECT title FROM articles WHERE day = '2024-10-26'"))
                .containsExactly("Russia is preparing the information basis for the deployment of DPRK troops - ISW");
    }

    @Test
    void shouldDeadLetterMalformedJsonAndKeepGoing() throws Exception {
        Properties config = isolatedConfig();
        TopologyConfig topology = new TopologyConfig(Topics.from(config), SIMPLE_TAGGER, new DayResolver());
        String sink = dir.resolve("dlq.db").toString();
        Article good = Article.create("http", "https://example.org/good", "Good", "troops", null, NOW, "en");

        try (KafkaAdmin admin = new KafkaAdmin(config);
             Pipeline pipeline = new Pipeline(config, topology, dir.resolve("state2"), sink, batch -> { });
             SinkReader reader = new SinkReader(sink)) {
            admin.createMissingTopics(topology.topics().names(), 1);
            pipeline.start(Duration.ofSeconds(60));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(topology.topics().raw().name(), "bad", "{not json")).get();
                producer.send(new ProducerRecord<>(topology.topics().raw().name(), good.id(),
                        new String(Topics.ARTICLE_SERDE.serializer().serialize("", good), StandardCharsets.UTF_8)))
                        .get();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> reader.countArticles(List.of(good.id())) == 1);
            List<String> reasons = DeadLetters.reasons(config, topology.topics().dlq().name(), 1, Duration.ofSeconds(30));
            assertThat(reasons).containsExactly("malformed-json");
        }
    }
}
