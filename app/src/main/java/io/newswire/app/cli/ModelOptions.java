package io.newswire.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model FILE}: the learned desk model, on every command that tags articles. */
public final class ModelOptions {

    @Option(names = "--model", paramLabel = "FILE",
            description = "desk model from `newswire train`: adds desk-… topics beside the taxonomy's (default: none)")
    Path model;

    /** The model file, or null when only the taxonomy tags. */
    public Path model() {
        return model;
    }
}
