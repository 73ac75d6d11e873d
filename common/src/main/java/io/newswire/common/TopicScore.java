package io.newswire.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A topic an article is about, with how strongly. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicScore(String id, double score) {
}
