package io.newswire.testsupport;

import io.newswire.common.Article;
import io.newswire.common.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** The articles a topic of articles holds right now (see {@link TopicReader}). */
public final class RawTopic {

    private RawTopic() {
    }

    /** Every article on {@code topic}, all partitions; returns once the end offsets of this moment are reached. */
    public static List<Article> readAll(Properties config, String topic, Duration timeout) {
        return TopicReader.values(config, topic, Topics.ARTICLE_SERDE.deserializer(), timeout);
    }

    /** How many records the topic holds now (sum of end offsets). */
    public static long count(Properties config, String topic) {
        return TopicReader.endOffsetSum(config, topic);
    }
}
