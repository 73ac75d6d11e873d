package io.newswire.app.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.app.CrashingSink;
import io.newswire.app.Pipeline;
import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.testsupport.Drain;
import io.newswire.testsupport.SharedKafka;
import io.newswire.testsupport.SinkTables;
import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.producer.ArticlePublisher;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.Tagger;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scaling out by instances, on a 3-broker in-JVM cluster with 6 partitions per topic: three Streams
 * instances (one application id) and two sink consumers (one group, one SQLite file). One of each crashes
 * mid-run; the survivors take over their partitions, and the sink ends with exactly the rows a single
 * instance of each writes from the same input.
 */
class ScaleOutIT {

    private static final int PARTITIONS = 6;
    private static final int ARTICLES = 240;
    private static final Instant INGESTED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(3);

    @TempDir
    Path dir;

    @Test
    void shouldEndWithTheSameSinkAsASingleInstanceWhenAStreamsInstanceAndAConsumerCrashMidRun() throws Exception {
        List<Article> input = articles();
        List<String> expectedSummaries;
        List<String> expectedArticles;
        String single = dir.resolve("single.db").toString();

        // Given the sink that one Streams instance and one consumer write from the input
        Properties singleConfig = isolatedConfig("single");
        TopologyConfig singleTopology = new TopologyConfig(Topics.from(singleConfig), new SyntheticTagger(null),
                new DayResolver());
        try (KafkaAdmin admin = new KafkaAdmin(singleConfig);
             Pipeline pipeline = new Pipeline(singleConfig, singleTopology, dir.resolve("single-state"), single,
                     batch -> { })) {
            admin.createMissingTopics(singleTopology.topics().names(), PARTITIONS);
            pipeline.start(DEADLINE);
            publish(singleConfig, singleTopology.topics(), input);
            Drain.await(() -> articleCount(single) == ARTICLES && pipeline.drained(admin.admin()), pipeline::failure,
                    DEADLINE);
        }
        expectedSummaries = summaries(single);
        expectedArticles = articleRows(single);
        assertThat(expectedArticles).hasSize(ARTICLES);

        // When three Streams instances and two consumers share the work, and one of each crashes mid-run
        Properties config = isolatedConfig("scaled");
        String shared = dir.resolve("scaled.db").toString();
        AtomicBoolean crashAStreamsInstance = new AtomicBoolean();
        AtomicBoolean crashAConsumer = new AtomicBoolean();
        List<StreamsApp> instances = new ArrayList<>();
        List<JdbcSink> sinks = new ArrayList<>();
        List<SummaryConsumer> consumers = new ArrayList<>();
        Topics topics = Topics.from(config);
        try (KafkaAdmin admin = new KafkaAdmin(config); JdbcSink progress = JdbcSink.open(shared)) {
            admin.createMissingTopics(topics.names(), PARTITIONS);
            for (int i = 1; i <= 3; i++) {
                TopologyConfig topology = new TopologyConfig(topics, new SyntheticTagger(crashAStreamsInstance),
                        new DayResolver());
                instances.add(new StreamsApp(config, topology, dir.resolve("state-" + i)));
            }
            instances.forEach(StreamsApp::start);
            for (int i = 1; i <= 2; i++) {
                JdbcSink sink = JdbcSink.open(shared);
                // The next consumer to write a batch after the flag is set crashes, before it commits to Kafka.
                CrashingSink crashing = new CrashingSink(sink, () -> crashAConsumer.compareAndSet(true, false));
                SummaryConsumer consumer = new SummaryConsumer(config, topics, crashing, batch -> { });
                sinks.add(sink);
                consumers.add(consumer);
                consumer.start();
            }
            for (StreamsApp instance : instances) {
                instance.awaitReady(DEADLINE);
            }

            publish(config, topics, input.subList(0, ARTICLES / 2));
            await().atMost(DEADLINE).until(() -> articleCount(shared) >= ARTICLES / 8);
            // The next instance to tag an article, and the next consumer to write a batch, crash.
            crashAStreamsInstance.set(true);
            crashAConsumer.set(true);
            publish(config, topics, input.subList(ARTICLES / 2, ARTICLES));

            // A crash is part of this run: the survivors must drain, whatever the crashed ones say.
            Drain.await(() -> articleCount(shared) == ARTICLES
                    && instances.get(0).drained(admin.admin(), progress::storedOffsets), () -> null, DEADLINE);

            // Then one of each did crash, the others kept going,
            assertThat(instances.stream().filter(i -> i.failure() instanceof SimulatedCrash)).hasSize(1);
            assertThat(instances.stream().filter(i -> i.failure() == null)).hasSize(2);
            assertThat(consumers.stream().filter(c -> c.failure() instanceof CrashingSink.Crash)).hasSize(1);
            assertThat(consumers.stream().filter(c -> c.failure() == null)).hasSize(1);
            // The survivor resumed from the sink's offsets: the sink never refused one of its batches.
            assertThat(consumers.stream().mapToLong(SummaryConsumer::refusedBatches).sum()).isZero();
        } finally {
            for (SummaryConsumer consumer : consumers) {
                consumer.close();
            }
            sinks.forEach(JdbcSink::close);
            instances.forEach(StreamsApp::close);
        }

        // and the sink holds exactly the rows of the single-instance run.
        assertThat(summaries(shared)).isNotEmpty().containsExactlyElementsOf(expectedSummaries);
        assertThat(articleRows(shared)).containsExactlyElementsOf(expectedArticles);
    }

    /** Unique topics, application id and group per run; short session timeouts so a crashed member is noticed fast. */
    private static Properties isolatedConfig(String name) {
        Properties config = KAFKA.isolatedConfig(name);
        // The broker's minimum; the default 45 s would make the survivors wait that long for a crashed member.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        return config;
    }

    /**
     * 240 articles over 8 days, 4 sources, 12 topics and 11 entities; the body names the article's tags, so
     * that {@link SyntheticTagger} tags each article the same way in every instance.
     */
    private static List<Article> articles() {
        String[] sources = {"seed", "http", "stdin", "folder"};
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String body = "t-" + (i % 7) + " t-" + (7 + (i * 3) % 5) + " e-" + (i % 11) + " e-" + (i % 3);
            Instant published = Instant.parse("2024-10-01T12:00:00Z").plus(Duration.ofDays(i % 8));
            articles.add(Article.create(sources[i % 4], "https://example.org/scale-out/" + i, "Article " + i, body,
                    published, INGESTED, "en"));
        }
        return articles;
    }

    private static void publish(Properties config, Topics topics, List<Article> articles) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(config, topics.raw())) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (Article article : articles) {
                sent.add(publisher.publish(article));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    /** Tags from the words of the body ({@code t-*} topics, {@code e-*} entities); crashes once when told to. */
    private static final class SyntheticTagger implements Tagger {
        private final AtomicBoolean crashNext;

        SyntheticTagger(AtomicBoolean crashNext) {
            this.crashNext = crashNext;
        }

        @Override
        public Tags tag(Article article) {
            if (crashNext != null && crashNext.compareAndSet(true, false)) {
                throw new SimulatedCrash("Streams instance crashes while tagging " + article.id());
            }
            List<String> words = Arrays.asList(article.body().split(" "));
            List<TopicScore> topics = words.stream().filter(w -> w.startsWith("t-")).map(w -> new TopicScore(w, 1))
                    .toList();
            List<EntityMention> entities = words.stream().filter(w -> w.startsWith("e-"))
                    .map(w -> new EntityMention(w, w, "person", 1)).toList();
            return new Tags(topics, entities, List.of(), List.of(), null);
        }
    }

    /** An Error, not an Exception: no handler treats it as a bad record; it takes the thread down like a crash. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    private static long articleCount(String sink) {
        return SinkTables.count(sink, "SELECT count(*) FROM articles");
    }

    /** Everything of a summary that does not depend on arrival order (sample titles and times do). */
    private static List<String> summaries(String sink) throws SQLException {
        return SinkTables.rows(sink, "SELECT topic, day, article_count, source_count, top_entities FROM topic_daily"
                + " ORDER BY topic, day");
    }

    private static List<String> articleRows(String sink) throws SQLException {
        return SinkTables.rows(sink, "SELECT id, day, day_source, title, topics, entities FROM articles ORDER BY id");
    }
}
