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
 */
public record TopologyConfig(Topics topics, Tagger tagger, DayResolver dayResolver) {
}
