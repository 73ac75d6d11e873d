package io.newswire.common;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The four topics of DESIGN.md with their serdes. Names default to the design's and can each be
 * overridden with {@code newswire.topic.raw}, {@code .tagged}, {@code .topic-daily} and {@code .dlq}.
 */
public record Topics(
        Topic<String, Article> raw,
        Topic<String, TaggedArticle> tagged,
        Topic<String, TopicDaySummary> topicDaily,
        Topic<byte[], byte[]> dlq) {

    public static final String RAW = "news.articles.raw";
    public static final String TAGGED = "news.articles.tagged";
    public static final String TOPIC_DAILY = "news.topic-daily";
    public static final String DLQ = "news.articles.dlq";

    public static final Serde<Article> ARTICLE_SERDE = new JsonSerde<>(Article.class);
    public static final Serde<TaggedArticle> TAGGED_ARTICLE_SERDE = new JsonSerde<>(TaggedArticle.class);
    public static final Serde<TopicDaySummary> SUMMARY_SERDE = new JsonSerde<>(TopicDaySummary.class);

    /** The names of DESIGN.md. */
    public static Topics defaults() {
        return new Topics(
                new Topic<>(RAW, Serdes.String(), ARTICLE_SERDE),
                new Topic<>(TAGGED, Serdes.String(), TAGGED_ARTICLE_SERDE),
                new Topic<>(TOPIC_DAILY, Serdes.String(), SUMMARY_SERDE),
                new Topic<>(DLQ, Serdes.ByteArray(), Serdes.ByteArray()));
    }

    /** The defaults, with any name overridden in {@code config}. */
    public static Topics from(Properties config) {
        Topics d = defaults();
        return new Topics(
                d.raw.named(config.getProperty("newswire.topic.raw", RAW)),
                d.tagged.named(config.getProperty("newswire.topic.tagged", TAGGED)),
                d.topicDaily.named(config.getProperty("newswire.topic.topic-daily", TOPIC_DAILY)),
                d.dlq.named(config.getProperty("newswire.topic.dlq", DLQ)));
    }

    /** All four names, in the order data flows through them. */
    public List<String> names() {
        return List.of(raw.name(), tagged.name(), topicDaily.name(), dlq.name());
    }
}
