package io.newswire.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An entity named in an article.
 *
 * @param id canonical slug ("north-korea" for "DPRK", "North Korea" and "North Korean")
 * @param type one of {@code person}, {@code country}, {@code place}, {@code organization}
 * @param mentions how many times the article names it, under any alias
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntityMention(String id, String name, String type, int mentions) {
}
