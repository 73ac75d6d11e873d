package io.newswire.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --taxonomy FILE}: replaces the shipped taxonomy, on every command that tags. */
public final class TaggerOptions {

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "taxonomy JSON (topics, phrases, weights, thresholds) instead of the shipped one")
    Path taxonomy;

    /** The taxonomy file, or null for the shipped one. */
    public Path taxonomy() {
        return taxonomy;
    }
}
