package io.newswire.producer.rss;

import io.newswire.common.ArticleIds;
import io.newswire.common.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One JSON file per feed under a folder ({@code data/rss/} by default), replaced atomically (write a
 * temporary file, force it to disk, rename over the old one), so a crash leaves either the old or the new
 * state, never half of one.
 */
public final class FeedStateStore {

    private final Path dir;

    public FeedStateStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The state of a feed, or an empty one the first time. */
    public FeedState load(String feedUrl) throws IOException {
        Path file = fileFor(feedUrl);
        if (!Files.exists(file)) {
            return FeedState.empty(feedUrl);
        }
        FeedState state = Json.mapper().readValue(file.toFile(), FeedState.class);
        return state.feedUrl() == null ? new FeedState(feedUrl, state.etag(), state.lastModified(), state.seen()) : state;
    }

    public void save(FeedState state) throws IOException {
        Files.createDirectories(dir);
        Path file = fileFor(state.feedUrl());
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(json);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A file name from the URL's hash: URLs hold characters no file system likes. */
    Path fileFor(String feedUrl) {
        return dir.resolve("feed-" + ArticleIds.idFor(feedUrl, null, null) + ".json");
    }
}
