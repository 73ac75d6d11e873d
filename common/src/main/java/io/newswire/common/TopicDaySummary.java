package io.newswire.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The full current summary of one topic on one day, the value of {@code news.topic-daily} (the latest
 * value, not a delta), keyed {@code <topic>|<yyyy-MM-dd>}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicDaySummary(
        int schemaVersion,
        String topic,
        String day,
        long articleCount,
        long sourceCount,
        List<EntityCount> topEntities,
        List<String> sampleTitles,
        Instant firstSeen,
        Instant lastUpdated) {

    public static final int SCHEMA_VERSION = 1;

    public TopicDaySummary {
        if (schemaVersion == 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        topEntities = topEntities == null ? List.of() : List.copyOf(topEntities);
        sampleTitles = sampleTitles == null ? List.of() : List.copyOf(sampleTitles);
    }

    /** The record key of a summary on {@code news.topic-daily}. */
    public static String key(String topic, String day) {
        return topic + "|" + day;
    }

    /** How often an entity was named in the day's articles on the topic. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EntityCount(String id, long count) {
    }
}
