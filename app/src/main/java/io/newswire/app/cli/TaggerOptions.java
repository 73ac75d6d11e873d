package io.newswire.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --taxonomy FILE}: replaces the shipped taxonomy; {@code --no-names}: leaves out the name model; on
 * every command that tags.
 */
public final class TaggerOptions {

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "taxonomy JSON (topics, phrases, weights, thresholds) instead of the shipped one")
    Path taxonomy;

    @Option(names = "--names", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "find the persons, organisations and places the gazetteer does not know with the name model"
                    + " (default on; --no-names: the gazetteer alone, about twice as fast; use the same on every instance)")
    boolean names = true;

    /** Whether the name model runs. */
    public boolean names() {
        return names;
    }

    /** The taxonomy file, or null for the shipped one. */
    public Path taxonomy() {
        return taxonomy;
    }
}
