package io.newswire.streams;

import io.newswire.common.Topics;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.Tagger;

/**
 * Everything the topology depends on; nothing here knows where Kafka is.
 *
 * @param topics the four topics and their serdes
 * @param tagger finds topics, entities, keyphrases and quantities
 * @param dayResolver decides which day an article belongs to
 * @param integrity dedup, lateness and validation knobs
 */
public record TopologyConfig(Topics topics, Tagger tagger, DayResolver dayResolver, IntegritySettings integrity) {

    /** With the default dedup, lateness and validation settings. */
    public TopologyConfig(Topics topics, Tagger tagger, DayResolver dayResolver) {
        this(topics, tagger, dayResolver, IntegritySettings.defaults());
    }

    /** The same config with other dedup, lateness and validation settings. */
    public TopologyConfig withIntegrity(IntegritySettings settings) {
        return new TopologyConfig(topics, tagger, dayResolver, settings);
    }
}
