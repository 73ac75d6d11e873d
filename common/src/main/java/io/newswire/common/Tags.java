package io.newswire.common;

import java.util.List;

/** What a tagger found in one article. */
public record Tags(
        List<TopicScore> topics,
        List<EntityMention> entities,
        List<String> keyphrases,
        List<Quantity> quantities,
        String modelVersion) {

    public Tags {
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
        keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
    }

    public static Tags topicsOnly(List<TopicScore> topics) {
        return new Tags(topics, List.of(), List.of(), List.of(), null);
    }
}
