package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.Tagger;
import io.newswire.streams.testing.TopologyDrivers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** Tags by a marker word, so these tests do not depend on the real taxonomy. */
    private static final Tagger MARKER_TAGGER = article -> {
        String text = (article.title() + " " + article.body()).toLowerCase(Locale.ROOT);
        List<TopicScore> topics = new ArrayList<>();
        if (text.contains("troops")) {
            topics.add(new TopicScore("troop-deployments", 1.0));
        }
        if (text.contains("sanctions")) {
            topics.add(new TopicScore("sanctions", 1.0));
        }
        List<EntityMention> entities = text.contains("pyongyang")
                ? List.of(new EntityMention("north-korea", "Pyongyang", "country", 1)) : List.of();
        return new Tags(topics, entities, List.of(), List.of(), null);
    };

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestOutputTopic<String, TaggedArticle> tagged;
    private TestOutputTopic<String, TopicDaySummary> topicDaily;

    @TempDir
    Path stateDir;

    @BeforeEach
    void startDriver() {
        Topics topics = Topics.defaults();
        driver = TopologyDrivers.start(new TopologyConfig(topics, MARKER_TAGGER, new DayResolver()),
                "news-topology-test", stateDir, Instant.now());
        raw = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(),
                topics.raw().valueSerde().serializer());
        tagged = driver.createOutputTopic(topics.tagged().name(), Serdes.String().deserializer(),
                topics.tagged().valueSerde().deserializer());
        topicDaily = driver.createOutputTopic(topics.topicDaily().name(), Serdes.String().deserializer(),
                topics.topicDaily().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void pipe(Article article) {
        raw.pipeInput(article.id(), article, NOW);
    }

    private static Article article(String source, String title, String body, Instant publishedAt) {
        return Article.create(source, null, title, body, publishedAt, NOW, "en");
    }

    @Test
    void shouldDateFromAllThreeSources() {
        pipe(article("seed", "Troops move", "More troops.", Instant.parse("2024-10-26T08:00:00Z")));
        pipe(article("seed", "Troops again", "Written on October 15, 2024 about troops.", null));
        pipe(article("seed", "Troops today", "No date here, troops.", null));

        Map<String, TaggedArticle> byTitle = new java.util.HashMap<>();
        tagged.readValuesToList().forEach(a -> byTitle.put(a.title(), a));

        assertThat(byTitle.get("Troops move")).extracting(TaggedArticle::day, TaggedArticle::daySource)
                .containsExactly("2024-10-26", "published");
        assertThat(byTitle.get("Troops again")).extracting(TaggedArticle::day, TaggedArticle::daySource)
                .containsExactly("2024-10-15", "text");
        assertThat(byTitle.get("Troops today")).extracting(TaggedArticle::day, TaggedArticle::daySource)
                .containsExactly("2026-11-23", "ingested");
    }

    @Test
    void shouldWriteTaggedArticlesWithAllFields() {
        Article article = article("seed", "Troops and sanctions", "Pyongyang sent troops.", null);
        pipe(article);

        TaggedArticle result = tagged.readKeyValue().value;

        assertThat(result.id()).isEqualTo(article.id());
        assertThat(result.body()).isEqualTo("Pyongyang sent troops.");
        assertThat(result.topics()).extracting(TopicScore::id).containsExactly("troop-deployments", "sanctions");
        assertThat(result.entities()).extracting(EntityMention::id).containsExactly("north-korea");
        assertThat(result.schemaVersion()).isEqualTo(1);
    }

    @Test
    void shouldTagArticlesWrittenWithoutAKeyOrWithAnotherKeyUnderTheirId() {
        Article unkeyed = article("kcat", "Troops without a key", "Troops moved.", null);
        Article otherKey = article("kcat", "Troops keyed by URL", "Troops moved again.", null);
        raw.pipeInput((String) null, unkeyed, NOW);
        raw.pipeInput("https://example.org/story", otherKey, NOW);

        assertThat(tagged.readKeyValuesToMap()).containsOnlyKeys(unkeyed.id(), otherKey.id());
        assertThat(topicDaily.readValuesToList()).isNotEmpty();
    }

    @Test
    void shouldCountTwoArticlesOnOneTopicAndDayAsTwo() {
        Instant day = Instant.parse("2024-10-26T08:00:00Z");
        pipe(article("rss:a", "Troops one", "Pyongyang troops.", day));
        pipe(article("rss:b", "Troops two", "Pyongyang troops, more.", day));

        Map<String, TopicDaySummary> latest = topicDaily.readKeyValuesToMap();

        assertThat(latest).containsOnlyKeys("troop-deployments|2024-10-26");
        TopicDaySummary summary = latest.get("troop-deployments|2024-10-26");
        assertThat(summary.articleCount()).isEqualTo(2);
        assertThat(summary.sourceCount()).isEqualTo(2);
        assertThat(summary.topEntities()).containsExactly(new TopicDaySummary.EntityCount("north-korea", 2));
        assertThat(summary.sampleTitles()).containsExactly("Troops one", "Troops two");
        assertThat(summary.topic()).isEqualTo("troop-deployments");
        assertThat(summary.day()).isEqualTo("2024-10-26");
    }

    @Test
    void shouldKeepTwoDaysAsTwoRows() {
        pipe(article("seed", "Troops one", "troops", Instant.parse("2024-10-26T08:00:00Z")));
        pipe(article("seed", "Troops two", "troops", Instant.parse("2024-10-27T08:00:00Z")));

        Map<String, TopicDaySummary> latest = topicDaily.readKeyValuesToMap();

        assertThat(latest).containsOnlyKeys("troop-deployments|2024-10-26", "troop-deployments|2024-10-27");
        assertThat(latest.values()).allSatisfy(s -> assertThat(s.articleCount()).isEqualTo(1));
    }
}
