package io.newswire.streams.tagging.entities.names;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What a name model was made from: its version (a hash of the training data and settings), the feature
 * scheme it needs, the training file's name and size, the passes, and when.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NameModelInfo(String version, String featureScheme, String trainingData, int sentences, int tokens,
                            int epochs, int cutoff, int features, Instant trainedAt) {

    /** Changes whenever {@link NameFeatures} changes: an older model is refused, not misread. */
    public static final String FEATURE_SCHEME = "names-5";
}
