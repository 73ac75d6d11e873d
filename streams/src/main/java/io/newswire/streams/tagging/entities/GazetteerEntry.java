package io.newswire.streams.tagging.entities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One entity the tagger can name.
 *
 * @param id canonical lowercase slug of the English name ({@code north-korea}, {@code kim-jong-un})
 * @param type {@code person}, {@code country}, {@code place} or {@code organization}
 * @param aliases other names, demonyms and spellings; the name itself always matches. An alias written
 *                in capitals ("US", "DPRK") only matches capitals, so the pronoun "us" is not the country.
 * @param cues for a name that is also a common word or another thing ("Jordan", "Chad", "Georgia"):
 *             lowercase words of which at least one must occur in the article; empty for unambiguous names
 * @param of for a capital city: the country it stands for when used as the state ("Pyongyang said")
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GazetteerEntry(String id, String name, String type, List<String> aliases, List<String> cues,
                             String of) {

    public GazetteerEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        cues = cues == null ? List.of() : List.copyOf(cues);
    }

    public boolean ambiguous() {
        return !cues.isEmpty();
    }
}
