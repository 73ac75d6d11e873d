package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.common.TopicSettings;
import io.newswire.common.Topics;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.testing.TopologyDrivers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application id and the topics Kafka Streams creates, as {@link StreamsApp} reads them off the topology. */
class StreamsAppTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path stateDir;

    private final Topics topics = Topics.defaults();
    private final TopologyConfig topology = new TopologyConfig(topics,
            article -> Tags.topicsOnly(List.of(new TopicScore("troops", 1))), new DayResolver());

    private Properties client(String applicationId) {
        Properties client = new Properties();
        client.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        if (applicationId != null) {
            client.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        }
        return client;
    }

    @Test
    void shouldNameTheTopicsKafkaStreamsWritesForTheApplication() {
        InternalTopics internal;
        try (StreamsApp app = new StreamsApp(client("reader-app"), topology, stateDir)) {
            internal = app.internalTopics();
        }
        Set<String> produced;
        try (TopologyTestDriver driver = TopologyDrivers.start(topology, "reader-app", stateDir.resolve("driver"), NOW)) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(topics.raw().name(),
                    Serdes.String().serializer(), topics.raw().valueSerde().serializer());
            Article article = Article.create("http", "https://example.org/1", "Troops", "troops move", NOW, NOW, "en");
            raw.pipeInput(article.id(), article, NOW);
            produced = new HashSet<>(driver.producedTopicNames());
        }
        produced.removeAll(topics.names());

        assertThat(internal.applicationId()).isEqualTo("reader-app");
        assertThat(internal.all()).containsExactlyInAnyOrderElementsOf(produced);
        assertThat(internal.repartition()).containsExactly("reader-app-" + NewsTopology.DEDUP_INDEX + "-repartition");
        assertThat(internal.sources()).as("in topology order, the input first")
                .containsExactly(topics.raw().name(), internal.repartition().get(0));
        assertThat(internal.changelogs()).hasSize(4).allMatch(name -> name.startsWith("reader-app-")
                && name.endsWith("-changelog"));
    }

    @Test
    void shouldUseTheDefaultApplicationIdUnlessConfigured() {
        try (StreamsApp app = new StreamsApp(client(null), topology, stateDir)) {
            assertThat(app.applicationId()).isEqualTo(StreamsApp.DEFAULT_APPLICATION_ID);
            assertThat(app.name()).isEqualTo("Kafka Streams");
            assertThat(app.failure()).isNull();
        }
    }

    @Test
    void shouldReadTheTaggingThreadsFromTheClientConfig() {
        Properties client = client(null);
        assertThat(StreamsApp.taggingThreads(client))
                .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
        client.put(StreamsApp.TAGGING_THREADS_CONFIG, " 3 ");
        assertThat(StreamsApp.taggingThreads(client)).isEqualTo(3);
        client.put(StreamsApp.TAGGING_THREADS_CONFIG, "0");
        assertThat(StreamsApp.taggingThreads(client)).isZero();
        client.put(StreamsApp.TAGGING_THREADS_CONFIG, "256");
        assertThat(StreamsApp.taggingThreads(client)).isEqualTo(256);
        for (String bad : List.of("-1", "two", "", "257", "99999999999")) {
            client.put(StreamsApp.TAGGING_THREADS_CONFIG, bad);
            assertThatThrownBy(() -> StreamsApp.taggingThreads(client))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(StreamsApp.TAGGING_THREADS_CONFIG);
        }
    }

    @Test
    void shouldGiveKafkaStreamsProducersNewswiresDefaultsUnlessTheClientConfigHasItsOwnPlainOrPrefixed() {
        assertThat(producerConfig(client("app"))).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024))
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(TopicSettings.MAX_MESSAGE_BYTES));

        // Kafka Streams lets a prefixed key win over a plain one: newswire's prefixed default must not hide the
        // user's plain one.
        Properties plain = client("app");
        plain.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        plain.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        plain.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "2097152");
        assertThat(producerConfig(plain)).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "65536")
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "2097152");

        Properties prefixed = client("app");
        prefixed.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none");
        assertThat(producerConfig(prefixed)).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    }

    /** What Kafka Streams gives its producers, read by Kafka Streams itself. */
    private Map<String, Object> producerConfig(Properties client) {
        return new StreamsConfig(StreamsApp.streamsConfig(client, stateDir, "dlq")).getProducerConfigs("client");
    }

    @Test
    void shouldNotHandTheTaggingThreadsToKafka() {
        Properties client = client("app");
        client.put(StreamsApp.TAGGING_THREADS_CONFIG, "2");
        assertThat(StreamsApp.streamsConfig(client, stateDir, "dlq")).doesNotContainKey(StreamsApp.TAGGING_THREADS_CONFIG);
    }
}
