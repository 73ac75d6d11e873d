package io.newswire.streams.dedup;

import io.newswire.common.TaggedArticle;

/**
 * An article after de-duplication: the tagged record (with {@code duplicateOf} set for a near-duplicate) and
 * whether it counts in the summaries. Lives only between two processors of one sub-topology, never on a topic.
 *
 * @param counts true for the first sighting of a story; false for a repeated id or a near-duplicate
 */
public record Deduplicated(TaggedArticle article, boolean counts) {
}
