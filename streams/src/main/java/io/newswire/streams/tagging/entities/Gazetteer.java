package io.newswire.streams.tagging.entities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newswire.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The entities the tagger knows: countries, places, people, organisations, with their aliases. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Gazetteer(List<GazetteerEntry> entities) {

    /** The gazetteer shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "/io/newswire/streams/tagging/entities/gazetteer.json";
    private static final Set<String> TYPES = Set.of("person", "country", "place", "organization");

    public Gazetteer {
        entities = entities == null ? List.of() : List.copyOf(entities);
        Set<String> ids = new HashSet<>();
        for (GazetteerEntry entry : entities) {
            if (!TYPES.contains(entry.type())) {
                throw new IllegalArgumentException("gazetteer: " + entry.id() + " has unknown type " + entry.type());
            }
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("gazetteer: duplicate id " + entry.id());
            }
        }
        for (GazetteerEntry entry : entities) {
            if (entry.of() != null && !ids.contains(entry.of())) {
                throw new IllegalArgumentException("gazetteer: " + entry.id() + " stands for unknown " + entry.of());
            }
        }
    }

    public static Gazetteer defaultGazetteer() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + DEFAULT_RESOURCE);
            }
            return Json.mapper().readValue(in, Gazetteer.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }
}
