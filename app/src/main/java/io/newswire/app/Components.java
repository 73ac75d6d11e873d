package io.newswire.app;

import io.newswire.common.Topics;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.KeywordTagger;
import io.newswire.streams.tagging.Tagger;
import io.newswire.streams.tagging.desks.DeskModelFile;
import io.newswire.streams.tagging.desks.DeskTagger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/** Builds the parts the commands share, from one configuration. */
public final class Components {

    private Components() {
    }

    public static TopologyConfig topologyConfig(Properties config) {
        return topologyConfig(config, null);
    }

    /** With a desk model file, the taxonomy's topics plus the learned desks; with null, the taxonomy alone. */
    public static TopologyConfig topologyConfig(Properties config, Path deskModel) {
        Tagger tagger = KeywordTagger.withDefaultTaxonomy();
        if (deskModel != null) {
            try {
                tagger = new DeskTagger(tagger, DeskModelFile.read(deskModel));
            } catch (IOException e) {
                // A truncated or damaged file: one line for the user (IllegalStateException), the cause in the log.
                throw new IllegalStateException("cannot read desk model " + deskModel + ": " + e, e);
            }
        }
        return new TopologyConfig(Topics.from(config), tagger, new DayResolver());
    }
}
