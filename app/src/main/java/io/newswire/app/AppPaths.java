package io.newswire.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where newswire keeps things by default: {@code data/} in the working directory (override with
 * {@code NEWSWIRE_DATA_DIR}), the seeds of the installation ({@code NEWSWIRE_HOME/seeds}, set by the
 * launcher script) or {@code seeds/} in the working directory.
 */
public final class AppPaths {

    /** The environment variable that moves {@code data/} (docker-compose.yml sets it to a volume). */
    public static final String DATA_DIR_ENV = "NEWSWIRE_DATA_DIR";

    private AppPaths() {
    }

    public static Path dataDir() {
        String dir = System.getenv(DATA_DIR_ENV);
        return Path.of(dir == null || dir.isBlank() ? "data" : dir);
    }

    public static Path logDir() {
        return dataDir().resolve("logs");
    }

    public static Path kafkaDir() {
        return dataDir().resolve("kafka");
    }

    public static Path streamsStateDir() {
        return dataDir().resolve("streams");
    }

    /** What the RSS source remembers per feed (validators, published items). */
    public static Path rssStateDir() {
        return dataDir().resolve("rss");
    }

    /** The folder {@code demo} watches for dropped articles. */
    public static Path inboxDir() {
        return dataDir().resolve("inbox");
    }

    public static String defaultSink() {
        return dataDir().resolve("newswire.db").toString();
    }

    public static Path seedsDir() {
        Path local = Path.of("seeds");
        String home = System.getenv("NEWSWIRE_HOME");
        if (!Files.isDirectory(local) && home != null && !home.isBlank()) {
            return Path.of(home, "seeds");
        }
        return local;
    }

    /**
     * The labelled BBC news corpus in a {@code shared/corpora} folder beside the project (next to the seeds'
     * project folder, or to the working directory), or null when there is none: read at run time, never
     * copied into the project.
     */
    public static Path besideCorpus(Path seedDir) {
        Path project = seedDir.toAbsolutePath().normalize().getParent();
        Path beside = project == null ? null : project.resolveSibling("shared/corpora/bbc-news.jsonl");
        if (beside != null && Files.isRegularFile(beside)) {
            return beside;
        }
        Path relative = Path.of("../shared/corpora/bbc-news.jsonl");
        return Files.isRegularFile(relative) ? relative : null;
    }
}
