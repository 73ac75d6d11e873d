package io.newswire.app;

import io.newswire.common.Topics;
import io.newswire.streams.IntegritySettings;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.KeywordTagger;
import java.util.Properties;

/** Builds the parts the commands share, from one configuration. */
public final class Components {

    private Components() {
    }

    public static TopologyConfig topologyConfig(Properties config) {
        return new TopologyConfig(Topics.from(config), KeywordTagger.withDefaultTaxonomy(), new DayResolver(),
                IntegritySettings.from(config));
    }
}
