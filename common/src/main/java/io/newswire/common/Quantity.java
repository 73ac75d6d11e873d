package io.newswire.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A number an article claims: 11000 / soldiers / "11,000 soldiers".
 *
 * @param unit what is counted, as a lowercase noun
 * @param text the words as written
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quantity(double value, String unit, String text) {
}
