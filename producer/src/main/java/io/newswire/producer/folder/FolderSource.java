package io.newswire.producer.folder;

import io.newswire.common.Article;
import io.newswire.producer.Acknowledgements;
import io.newswire.producer.ArticleOutput;
import io.newswire.producer.InvalidArticleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the files dropped into a folder to {@code news.articles.raw} (through an {@link ArticleOutput}),
 * once each. A file is taken when it is complete: not modified for the quiet period and the same size as at
 * the previous scan (files written under a dot-name and renamed are never seen half-written). After Kafka
 * acknowledged every article of a file it is moved to {@code processed/}; a file that cannot be read is moved
 * to {@code failed/} beside a {@code .reason.txt}, and so is a symbolic link (never followed: only what is in the
 * inbox is published); the scan then goes on with the other files. A {@link WatchService} notices new files at once; a
 * periodic scan catches what it misses (network file systems, overflow).
 */
public final class FolderSource implements AutoCloseable {

    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";
    /** Larger files are not articles; they go to failed/ instead of into memory. */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FolderSource.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final FolderFileReader reader;
    private final ArticleOutput output;
    private final Duration quietPeriod;
    private final Clock clock;
    private final Consumer<String> report;
    /** Size of each waiting file at the previous scan: a growing file is not complete. */
    private final Map<Path, Long> sizes = new HashMap<>();
    private final FileOpener opener;
    private ScheduledExecutorService scheduler;
    private WatchService watcher;

    public FolderSource(Path dir, FolderFileReader reader, ArticleOutput output, Duration quietPeriod, Clock clock,
                        Consumer<String> report) {
        this(dir, reader, output, quietPeriod, clock, report, FolderSource::openNoFollow);
    }

    /** How a file of the inbox is opened for reading; the tests make one fail. */
    @FunctionalInterface
    interface FileOpener {
        InputStream open(Path file) throws IOException;
    }

    FolderSource(Path dir, FolderFileReader reader, ArticleOutput output, Duration quietPeriod, Clock clock,
                 Consumer<String> report, FileOpener opener) {
        this.opener = opener;
        this.dir = dir;
        this.reader = reader;
        this.output = output;
        this.quietPeriod = quietPeriod;
        this.clock = clock;
        this.report = report;
    }

    public Path dir() {
        return dir;
    }

    /** Publishes every complete file now; the building block of both the watcher and the tests. */
    public synchronized ScanReport scanOnce() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve(PROCESSED));
        Files.createDirectories(dir.resolve(FAILED));
        int done = 0;
        int failed = 0;
        int waiting = 0;
        int articles = 0;
        for (Path file : candidates()) {
            if (Files.isSymbolicLink(file)) {
                // A link can point anywhere (~/.ssh/id_rsa): the inbox publishes only what is in it.
                failed += fail(file, "a symbolic link, not followed: only files in the inbox are published");
                continue;
            }
            FileResult result;
            try {
                if (!isComplete(file)) {
                    waiting++;
                    continue;
                }
                result = publish(file);
            } catch (IOException e) {
                // A file that vanished or cannot be moved must not stop the scan of the others.
                report.accept("folder: " + file.getFileName() + ": " + e + "; will retry");
                waiting++;
                continue;
            }
            switch (result.state()) {
                case DONE -> {
                    done++;
                    articles += result.articles();
                }
                case FAILED -> failed++;
                case WAITING -> waiting++;
            }
        }
        return new ScanReport(done, failed, waiting, articles);
    }

    private List<Path> candidates() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                // Dot-files are still being written by a writer that renames when done (rsync, editors).
                boolean regularOrLink = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(entry);
                if (!name.startsWith(".") && regularOrLink && FolderFileReader.handles(name)) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private boolean isComplete(Path file) throws IOException {
        long size = Files.size(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        Long previous = sizes.put(file, size);
        boolean quiet = !modified.isAfter(clock.instant().minus(quietPeriod));
        return quiet && (previous == null || previous == size);
    }

    private enum FileState { DONE, FAILED, WAITING }

    private record FileResult(FileState state, int articles) {
    }

    private FileResult publish(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        List<Article> articles;
        try {
            articles = reader.read(name, readCapped(file));
        } catch (InvalidArticleException e) {
            moveToFailed(file, e.getMessage());
            return new FileResult(FileState.FAILED, 0);
        } catch (IOException e) {
            // One file that cannot be read (permissions, a disk error) goes to failed/; the scan goes on.
            return new FileResult(fail(file, "cannot read the file: " + e) == 1 ? FileState.FAILED : FileState.WAITING, 0);
        }
        Acknowledgements.Outcome outcome = Acknowledgements.publishAll(output, articles, Acknowledgements.DEFAULT_TIMEOUT);
        if (!outcome.allAcknowledged()) {
            // Left in place: the next scan publishes it again; ids are stable, so downstream sees one article.
            report.accept("folder: " + name + " not acknowledged by Kafka (" + outcome.firstError() + "); will retry");
            return new FileResult(FileState.WAITING, 0);
        }
        Path target = move(file, dir.resolve(PROCESSED));
        sizes.remove(file);
        report.accept("folder: published " + articles.size() + (articles.size() == 1 ? " article" : " articles")
                + " from " + name + " → " + dir.relativize(target));
        return new FileResult(FileState.DONE, articles.size());
    }

    /** Moves the file to failed/ with its reason; 1 when done, 0 when even that failed (reported, tried next scan). */
    private int fail(Path file, String reason) {
        try {
            moveToFailed(file, reason);
            return 1;
        } catch (IOException e) {
            report.accept("folder: " + file.getFileName() + " failed (" + reason + ") and cannot be moved: " + e);
            return 0;
        }
    }

    /** Opens the file itself, never what a link (swapped in after the scan looked) points at. */
    private static InputStream openNoFollow(Path file) throws IOException {
        return Channels.newInputStream(Files.newByteChannel(file,
                Set.<OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)));
    }

    private byte[] readCapped(Path file) throws IOException, InvalidArticleException {
        try (InputStream in = opener.open(file)) {
            byte[] content = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (content.length > MAX_FILE_BYTES) {
                throw new InvalidArticleException("too-large: file larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
            }
            return content;
        }
    }

    private void moveToFailed(Path file, String reason) throws IOException {
        Path target = move(file, dir.resolve(FAILED));
        Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"), reason + "\n",
                StandardCharsets.UTF_8);
        sizes.remove(file);
        report.accept("folder: " + file.getFileName() + " failed: " + reason + " → " + dir.relativize(target));
    }

    /** Moves into {@code folder}, with a time stamp in front of the name if that name is taken. */
    private Path move(Path file, Path folder) throws IOException {
        Path target = folder.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = folder.resolve(STAMP.format(clock.instant()) + "-" + file.getFileName());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Scans every {@code scanInterval} and whenever the watch service reports a change. */
    public synchronized void start(Duration scanInterval) throws IOException {
        Files.createDirectories(dir);
        scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "newswire-folder");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scanQuietly, 0, scanInterval.toMillis(), TimeUnit.MILLISECONDS);
        watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        Thread watch = new Thread(this::watch, "newswire-folder-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
                // A file that just appeared is complete once the quiet period has passed: scan then.
                scheduler.schedule(this::scanQuietly, quietPeriod.toMillis() + 50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException | ClosedWatchServiceException | RejectedExecutionException e) {
            // Closing.
        }
    }

    private void scanQuietly() {
        try {
            scanOnce();
        } catch (IOException e) {
            report.accept("folder " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("scanning {} failed", dir, e);
            report.accept("folder " + dir + ": " + e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (watcher != null) {
            watcher.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(15, TimeUnit.SECONDS);
        }
    }
}
