package io.newswire.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The disk a bench run writes, checked before it starts: the embedded broker keeps every phase's topics until
 * the run ends, so a long run fills a small disk in its last phase, after most of its time is spent.
 */
final class DiskNeeds {

    /**
     * Per article of the floor and the pipeline phases (their warm-ups and the latency run included): ~9 KB of
     * topics on the embedded broker (raw, repartition, tagged, changelogs, plus the baseline's records) and
     * ~4 KB of sink file, as measured in a 1,000,000-article run (12.8 GB after its floor phase).
     */
    static final long BROKER_BYTES_PER_ARTICLE = 9 * 1024;
    static final long SINK_BYTES_PER_ARTICLE = 4 * 1024;

    private DiskNeeds() {
    }

    /** Bytes a run writes into its work directory. */
    static long bytes(BenchSettings settings, boolean embeddedBroker) {
        long articles = 2 * (settings.articles() + settings.warmup())
                + (long) settings.rate() * settings.latencyDuration().toSeconds();
        return articles * (SINK_BYTES_PER_ARTICLE + (embeddedBroker ? BROKER_BYTES_PER_ARTICLE : 0));
    }

    /** @throws IllegalStateException saying what is needed and what is free, when the run would not fit */
    static void check(BenchSettings settings, boolean embeddedBroker) {
        long needed = bytes(settings, embeddedBroker);
        long free;
        try {
            Files.createDirectories(settings.workDir());
            free = Files.getFileStore(settings.workDir()).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + settings.workDir(), e);
        }
        if (free < needed) {
            throw new IllegalStateException(String.format(
                    "a bench of %,d articles writes about %.1f GB into %s (%s), and %.1f GB are free there: "
                            + "use fewer --articles or another --work-dir", settings.articles(), needed / 1e9,
                    settings.workDir(), embeddedBroker ? "the embedded broker's topics and the sink files"
                            : "the sink files", free / 1e9));
        }
    }
}
