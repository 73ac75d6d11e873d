package io.newswire.app;

import io.newswire.app.cli.TaggerOptions;
import io.newswire.common.Topics;
import io.newswire.streams.IntegritySettings;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.dating.DayResolver;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.taxonomy.Taxonomy;
import io.newswire.streams.tagging.desks.DeskModelFile;
import io.newswire.streams.tagging.desks.DeskTagger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/** Builds the parts the commands share, from one configuration. */
public final class Components {

    private Components() {
    }

    /** With the shipped taxonomy. */
    public static TopologyConfig topologyConfig(Properties config) {
        return topologyConfig(config, (Path) null);
    }

    public static TopologyConfig topologyConfig(Properties config, TaggerOptions tagger) {
        return tagger == null ? topologyConfig(config, (Path) null)
                : topologyConfig(config, tagger.taxonomy(), tagger.names());
    }

    /** @param taxonomy a taxonomy file, or null for the one shipped in the jar */
    public static TopologyConfig topologyConfig(Properties config, Path taxonomy) {
        return topologyConfig(config, taxonomy, true);
    }

    /**
     * @param taxonomy a taxonomy file, or null for the one shipped in the jar
     * @param names whether the name model finds what the gazetteer does not know
     */
    public static TopologyConfig topologyConfig(Properties config, Path taxonomy, boolean names) {
        return new TopologyConfig(Topics.from(config), tagger(taxonomy, names), new DayResolver(),
                IntegritySettings.from(config));
    }

    /** The Lucene tagger with the shipped gazetteer and name model and the given (or shipped) taxonomy. */
    public static LuceneTagger tagger(Path taxonomy) {
        return tagger(taxonomy, true);
    }

    /** @param names whether the name model finds what the gazetteer does not know */
    public static LuceneTagger tagger(Path taxonomy, boolean names) {
        return new LuceneTagger(taxonomy == null ? Taxonomy.defaultTaxonomy() : Taxonomy.read(taxonomy),
                Gazetteer.defaultGazetteer(), names ? NameFinder.withDefaultModel() : null);
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
