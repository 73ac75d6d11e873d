package io.newswire.streams.tagging.desks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What a desk model file says about itself, in its header.
 *
 * @param version {@code desks-} and a hash of the training data, the settings and the feature scheme: the
 *                same data and settings always give the same version; it goes into each tagged record's
 *                {@code modelVersion}
 * @param settings the training settings, as text
 * @param featureScheme the analysis and features the model expects; a model made for another one is refused
 * @param trainedAt when it was trained (not part of the version)
 * @param documents how many labelled articles it was trained on
 * @param categories the desks it knows, in the model's order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeskModelInfo(String version, String settings, String featureScheme, Instant trainedAt,
                            int documents, List<String> categories) {

    public DeskModelInfo {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
