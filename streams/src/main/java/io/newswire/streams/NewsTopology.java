package io.newswire.streams;

import io.newswire.common.JsonSerde;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Topic;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.Topics;
import io.newswire.streams.aggregation.ArticleContribution;
import io.newswire.streams.aggregation.TopicDayAggregate;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The newswire topology, built by one pure function from its config: no I/O, no globals.
 *
 * <p>Reads {@code news.articles.raw}; writes {@code news.articles.tagged} (each article dated and tagged)
 * and {@code news.topic-daily} (the full current summary of each topic and day).
 */
public final class NewsTopology {

    /** Name of the repartition step, the aggregation store and the operators, as {@code describe()} shows. */
    public static final String ARTICLES_BY_TOPIC_DAY = "articles-by-topic-day";
    public static final String TOPIC_DAY_STORE = "topic-day-aggregates";

    private static final Serde<ArticleContribution> CONTRIBUTION_SERDE = new JsonSerde<>(ArticleContribution.class);
    private static final Serde<TopicDayAggregate> AGGREGATE_SERDE = new JsonSerde<>(TopicDayAggregate.class);

    private NewsTopology() {
    }

    public static Topology build(TopologyConfig config) {
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, TaggedArticle> taggedArticles = builder
                .stream(topics.raw().name(), consumed(topics.raw(), "raw-articles"))
                .processValues(() -> new ArticleEnricher(config.tagger(), config.dayResolver()),
                        Named.as("date-and-tag"));
        taggedArticles.to(topics.tagged().name(), produced(topics.tagged(), "tagged-articles"));

        taggedArticles
                // One record per topic of the article, re-keyed "<topic>|<day>": the groupByKey below
                // re-partitions them so that each (topic, day) is counted by exactly one task.
                .flatMap((id, article) -> article.topics().stream()
                                .map(topic -> KeyValue.pair(TopicDaySummary.key(topic.id(), article.day()),
                                        ArticleContribution.of(article)))
                                .toList(),
                        Named.as("split-by-topic-day"))
                .groupByKey(Grouped.with(ARTICLES_BY_TOPIC_DAY, Serdes.String(), CONTRIBUTION_SERDE))
                .aggregate(TopicDayAggregate::empty,
                        (topicDay, article, aggregate) -> aggregate.add(article),
                        Named.as("count-topic-day"),
                        Materialized.<String, TopicDayAggregate, KeyValueStore<Bytes, byte[]>>as(TOPIC_DAY_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(AGGREGATE_SERDE))
                .toStream(Named.as("topic-day-changes"))
                .mapValues((topicDay, aggregate) -> aggregate.toSummary(topicOf(topicDay), dayOf(topicDay)),
                        Named.as("to-summary"))
                .to(topics.topicDaily().name(), produced(topics.topicDaily(), "topic-daily-summaries"));

        return builder.build();
    }

    static String topicOf(String topicDay) {
        return topicDay.substring(0, topicDay.lastIndexOf('|'));
    }

    static String dayOf(String topicDay) {
        return topicDay.substring(topicDay.lastIndexOf('|') + 1);
    }

    private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
