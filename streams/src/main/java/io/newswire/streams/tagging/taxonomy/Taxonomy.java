package io.newswire.streams.tagging.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newswire.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics the tagger knows, as a file: each topic has phrases with weights and a threshold. An article
 * gets a topic when the weighted count of its phrases reaches the threshold (title hits count
 * {@code titleWeight} times, each phrase at most {@code maxHitsPerPhrase} times, so one repeated word
 * cannot carry a topic alone).
 *
 * @param version written into nothing yet; says which taxonomy tagged an article when reprocessing
 * @param threshold default threshold of topics that do not set one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Taxonomy(String version, double threshold, double titleWeight, int maxHitsPerPhrase,
                       List<TopicDefinition> topics) {

    /** The taxonomy shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "/io/newswire/streams/tagging/taxonomy/taxonomy.json";

    /**
     * One topic.
     *
     * @param id lowercase slug, the key of {@code news.topic-daily}
     * @param phrases phrase → weight; phrases are analysed like article text, so "deployment" also
     *                matches "deployed" and "deploy"
     * @param threshold the score an article needs, or 0 for the taxonomy's default
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopicDefinition(String id, String name, double threshold, Map<String, Double> phrases) {
        public TopicDefinition {
            phrases = phrases == null ? Map.of() : new LinkedHashMap<>(phrases);
        }
    }

    public Taxonomy {
        topics = topics == null ? List.of() : List.copyOf(topics);
        if (threshold <= 0) {
            threshold = 3.0;
        }
        if (titleWeight <= 0) {
            titleWeight = 2.0;
        }
        if (maxHitsPerPhrase <= 0) {
            maxHitsPerPhrase = 3;
        }
        for (TopicDefinition topic : topics) {
            if (topic.id() == null || topic.id().isBlank() || topic.phrases().isEmpty()) {
                throw new IllegalArgumentException("taxonomy: every topic needs an id and phrases");
            }
        }
    }

    /** The threshold of {@code topic}, or the default. */
    public double thresholdOf(TopicDefinition topic) {
        return topic.threshold() > 0 ? topic.threshold() : threshold;
    }

    public static Taxonomy defaultTaxonomy() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("taxonomy resource missing: " + DEFAULT_RESOURCE);
            }
            return Json.mapper().readValue(in, Taxonomy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Reads a taxonomy file; a bad file is an {@link IllegalArgumentException} with one clear line. */
    public static Taxonomy read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("taxonomy file not found: " + file);
        }
        try {
            return Json.mapper().readValue(file.toFile(), Taxonomy.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("taxonomy file " + file + " is not valid: " + e.getMessage(), e);
        }
    }
}
