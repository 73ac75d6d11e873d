package io.newswire.streams.training.desks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One line of a labelled corpus such as {@code bbc-news.jsonl}: an article and the desk a person put it on.
 *
 * @param category the desk, e.g. {@code business}; it becomes the topic {@code desk-business}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledArticle(String id, String title, String body, String category) {
}
