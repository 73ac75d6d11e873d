package io.newswire.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A number an article claims: 11000 / soldiers / "11,000 soldiers" / "north-korea troops".
 *
 * @param unit    what is counted, as a lowercase noun
 * @param text    the words as written
 * @param subject what is counted, normalised so that claims about the same thing meet: the entity it belongs
 *                to, if any, and the unit with its synonyms merged ("12,000 DPRK troops", "11,000 North Korean
 *                soldiers" and "troops from North Korea" all give {@code north-korea troops}); null when not known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quantity(double value, String unit, String text,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String subject) {

    /** A quantity with no normalised subject (older records, and tests). */
    public Quantity(double value, String unit, String text) {
        this(value, unit, text, null);
    }
}
