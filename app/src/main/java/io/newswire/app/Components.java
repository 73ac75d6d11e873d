package io.newswire.app;

import io.newswire.common.Topics;
import io.newswire.streams.IntegritySettings;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.KeywordTagger;
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
        return new TopologyConfig(Topics.from(config), KeywordTagger.withDefaultTaxonomy(), new DayResolver(),
                IntegritySettings.from(config));
    }

    /**
     * The same parts with the learned desks added to whatever the tagger finds (see {@link DeskTagger}); with
     * a null model file, {@code topology} unchanged.
     */
    public static TopologyConfig withDesks(TopologyConfig topology, Path deskModel) {
        if (deskModel == null) {
            return topology;
        }
        try {
            return new TopologyConfig(topology.topics(), new DeskTagger(topology.tagger(), DeskModelFile.read(deskModel)),
                    topology.dayResolver(), topology.integrity());
        } catch (IOException e) {
            // A truncated or damaged file: one line for the user (IllegalStateException), the cause in the log.
            throw new IllegalStateException("cannot read desk model " + deskModel + ": " + e, e);
        }
    }
}
