package io.newswire.consumer.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswire.common.Json;
import io.newswire.common.Secrets;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * The JDBC sink: the same SQL on SQLite (default, {@code data/newswire.db}) and PostgreSQL
 * ({@code jdbc:postgresql://…}). Rows are upserted with {@code INSERT … ON CONFLICT … DO UPDATE}, which
 * both databases speak, and every value is a bound parameter: article text never becomes SQL.
 *
 * <p>Tables: {@code topic_daily}, {@code articles} (DESIGN.md) and {@code sink_offsets}, the consumer's
 * progress, written in the same transaction as the rows it covers. Several consumers (one group, several
 * processes) may share one database: each writes only the partitions it is assigned.
 *
 * <p>Where the databases differ, this class papers over it: SQLite gets its PRAGMAs, PostgreSQL a lock
 * around the schema creation; NUL characters, which PostgreSQL's TEXT refuses, are dropped on both so the
 * two sinks hold the same rows; and the password of a URL never appears in a message.
 */
public final class JdbcSink implements Sink {

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS topic_daily ("
                    + " topic TEXT NOT NULL, day TEXT NOT NULL, article_count BIGINT NOT NULL,"
                    + " source_count BIGINT NOT NULL, top_entities TEXT NOT NULL, sample_titles TEXT NOT NULL,"
                    + " last_updated TEXT, PRIMARY KEY (topic, day))",
            "CREATE TABLE IF NOT EXISTS articles ("
                    + " id TEXT PRIMARY KEY, day TEXT NOT NULL, title TEXT, source TEXT, url TEXT,"
                    + " topics TEXT NOT NULL, entities TEXT NOT NULL, ingested_at TEXT,"
                    // Beyond DESIGN.md's columns: what the dashboard's article and topic pages show.
                    + " body TEXT, published_at TEXT, day_source TEXT, keyphrases TEXT, quantities TEXT,"
                    + " duplicate_of TEXT)",
            "CREATE INDEX IF NOT EXISTS articles_by_day ON articles (day)",
            "CREATE TABLE IF NOT EXISTS sink_offsets ("
                    + " topic TEXT NOT NULL, partition_id INTEGER NOT NULL, next_offset BIGINT NOT NULL,"
                    + " PRIMARY KEY (topic, partition_id))");

    private static final String UPSERT_SUMMARY = "INSERT INTO topic_daily"
            + " (topic, day, article_count, source_count, top_entities, sample_titles, last_updated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (topic, day) DO UPDATE SET article_count = excluded.article_count,"
            + " source_count = excluded.source_count, top_entities = excluded.top_entities,"
            + " sample_titles = excluded.sample_titles, last_updated = excluded.last_updated";
    private static final String UPSERT_ARTICLE = "INSERT INTO articles"
            + " (id, day, title, source, url, topics, entities, ingested_at, body, published_at, day_source,"
            + " keyphrases, quantities, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET day = excluded.day, title = excluded.title,"
            + " source = excluded.source, url = excluded.url, topics = excluded.topics,"
            + " entities = excluded.entities, ingested_at = excluded.ingested_at, body = excluded.body,"
            + " published_at = excluded.published_at, day_source = excluded.day_source,"
            + " keyphrases = excluded.keyphrases, quantities = excluded.quantities,"
            + " duplicate_of = excluded.duplicate_of";
    /** Moves a partition's offset on only from where this consumer found it. */
    private static final String ADVANCE_OFFSET = "UPDATE sink_offsets SET next_offset = ?"
            + " WHERE topic = ? AND partition_id = ? AND next_offset = ?";
    /** Stores a partition's first offset only if no other consumer has stored one meanwhile. */
    private static final String INSERT_FIRST_OFFSET = "INSERT INTO sink_offsets (topic, partition_id, next_offset)"
            + " VALUES (?, ?, ?) ON CONFLICT (topic, partition_id) DO NOTHING";
    private static final String UPSERT_OFFSET = "INSERT INTO sink_offsets (topic, partition_id, next_offset)"
            + " VALUES (?, ?, ?) ON CONFLICT (topic, partition_id) DO UPDATE SET next_offset = excluded.next_offset";

    /**
     * Any key of PostgreSQL's advisory locks will do as long as it is fixed: it serialises the schema creation
     * of consumers that start together, because concurrent {@code CREATE TABLE IF NOT EXISTS} on PostgreSQL
     * can fail with a unique violation in its catalog instead of finding the other's table.
     */
    private static final long SCHEMA_LOCK_KEY = 0x6e657773L;

    /** SQLite's page size for a new sink file (see {@link #prepare}). */
    static final int SQLITE_PAGE_BYTES = 16 * 1024;
    /** WAL bytes after which a commit also checkpoints (see {@link #prepare}). */
    static final int WAL_CHECKPOINT_BYTES = 4 * 1024 * 1024;

    private final String url;
    private final Connection connection;

    private JdbcSink(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /**
     * Opens (and creates if needed) the sink at a JDBC URL or, for anything else, a SQLite file path.
     *
     * @throws SinkException with the database and the reason when it cannot be opened
     */
    public static JdbcSink open(String urlOrPath) {
        String url = jdbcUrl(urlOrPath);
        try {
            if (url.startsWith("jdbc:sqlite:")) {
                Path file = Path.of(url.substring("jdbc:sqlite:".length()));
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            Connection connection = DriverManager.getConnection(url);
            try {
                prepare(url, connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return new JdbcSink(url, connection);
        } catch (Exception e) {
            throw new SinkException("cannot open sink " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    private static int pageBytes(Statement statement) throws SQLException {
        try (ResultSet page = statement.executeQuery("PRAGMA page_size")) {
            return page.next() ? page.getInt(1) : SQLITE_PAGE_BYTES;
        }
    }

    private static void prepare(String url, Connection connection) throws SQLException {
        if (url.startsWith("jdbc:sqlite:")) {
            try (Statement s = connection.createStatement()) {
                // Wait for a lock rather than fail: consumers of one group may share the file, the dashboard reads it.
                s.execute("PRAGMA busy_timeout=5000");
                // 16 KB pages, set before WAL mode and taking effect only in a new file: a row is mostly a
                // 1–6 KB body, which on SQLite's default 4 KB pages often spills into overflow pages. 60,000
                // such rows took 45–49 µs of CPU each instead of 60 (a file of the same size), in batches of 50
                // 60–79 instead of 82 with the checkpoints below.
                s.execute("PRAGMA page_size=" + SQLITE_PAGE_BYTES);
                // WAL lets the dashboard read while the consumer writes; NORMAL sync is durable in WAL mode.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                // A checkpoint every 4 MB of WAL, as SQLite's default of 1,000 pages did with 4 KB pages: it runs
                // in the commit that crosses the mark, so 16 MB of 16 KB pages made that commit wait twice as
                // long (p99 of 50-row commits 27-30 → 46-51 ms; with this 19-20 ms). Counted in the file's own
                // pages: a file made by an older newswire keeps its 4 KB ones.
                s.execute("PRAGMA wal_autocheckpoint=" + WAL_CHECKPOINT_BYTES / pageBytes(s));
            }
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            if (url.startsWith("jdbc:postgresql:")) {
                // Held until the commit below; a second consumer waits here and then finds the tables.
                s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
            }
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
        connection.commit();
    }

    /** The URL with any password masked, for messages and logs. */
    public static String redacted(String url) {
        return Secrets.redact(url);
    }

    /** A connection of its own for read-only queries (SQLite's WAL lets it read while the sink writes). */
    public static Connection openReader(String urlOrPath) {
        String url = jdbcUrl(urlOrPath);
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new SinkException("cannot open sink " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    /** {@code data/newswire.db} → {@code jdbc:sqlite:data/newswire.db}; a JDBC URL stays as it is. */
    public static String jdbcUrl(String urlOrPath) {
        return urlOrPath.startsWith("jdbc:") ? urlOrPath : "jdbc:sqlite:" + urlOrPath;
    }

    /**
     * Writes the batch in one transaction. With {@link SinkBatch#previousOffsets()}, the offsets are moved on
     * first, each only from the value the consumer read: the first statement takes the lock (PostgreSQL's row
     * lock, SQLite's write lock), so a concurrent writer of the same partition waits and then sees the change.
     *
     * @throws SinkConflictException when another consumer wrote one of the partitions meanwhile; nothing is written
     */
    @Override
    public synchronized void write(SinkBatch batch) {
        try {
            if (batch.previousOffsets() != null) {
                Set<TopicPartition> moved = advanceOffsets(batch);
                if (!moved.isEmpty()) {
                    connection.rollback();
                    throw new SinkConflictException(moved);
                }
            }
            writeRows(batch);
            if (batch.previousOffsets() == null) {
                upsertOffsets(batch.nextOffsets());
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new SinkException("cannot write to sink " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    /** The partitions whose stored offset is no longer the one the batch was read from. */
    private Set<TopicPartition> advanceOffsets(SinkBatch batch) throws SQLException {
        Set<TopicPartition> moved = new TreeSet<>(Comparator.comparing(TopicPartition::toString));
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE_OFFSET);
             PreparedStatement insert = connection.prepareStatement(INSERT_FIRST_OFFSET)) {
            for (Map.Entry<TopicPartition, Long> next : batch.nextOffsets().entrySet()) {
                TopicPartition partition = next.getKey();
                Long previous = batch.previousOffsets().get(partition);
                PreparedStatement statement = previous == null ? insert : advance;
                if (previous == null) {
                    insert.setString(1, partition.topic());
                    insert.setInt(2, partition.partition());
                    insert.setLong(3, next.getValue());
                } else {
                    advance.setLong(1, next.getValue());
                    advance.setString(2, partition.topic());
                    advance.setInt(3, partition.partition());
                    advance.setLong(4, previous);
                }
                if (statement.executeUpdate() != 1) {
                    moved.add(partition);
                }
            }
        }
        return moved;
    }

    private void writeRows(SinkBatch batch) throws SQLException {
        try (PreparedStatement summaries = connection.prepareStatement(UPSERT_SUMMARY);
             PreparedStatement articles = connection.prepareStatement(UPSERT_ARTICLE)) {
            for (TopicDaySummary s : batch.summaries()) {
                summaries.setString(1, text(s.topic()));
                summaries.setString(2, text(s.day()));
                summaries.setLong(3, s.articleCount());
                summaries.setLong(4, s.sourceCount());
                summaries.setString(5, json(s.topEntities()));
                summaries.setString(6, json(s.sampleTitles()));
                summaries.setString(7, s.lastUpdated() == null ? null : s.lastUpdated().toString());
                summaries.addBatch();
            }
            for (TaggedArticle a : batch.articles()) {
                articles.setString(1, text(a.id()));
                articles.setString(2, text(a.day()));
                articles.setString(3, text(a.title()));
                articles.setString(4, text(a.source()));
                articles.setString(5, text(a.url()));
                articles.setString(6, json(a.topics()));
                articles.setString(7, json(a.entities()));
                articles.setString(8, a.ingestedAt() == null ? null : a.ingestedAt().toString());
                articles.setString(9, text(a.body()));
                articles.setString(10, a.publishedAt() == null ? null : a.publishedAt().toString());
                articles.setString(11, text(a.daySource()));
                articles.setString(12, json(a.keyphrases()));
                articles.setString(13, json(a.quantities()));
                articles.setString(14, text(a.duplicateOf()));
                articles.addBatch();
            }
            summaries.executeBatch();
            articles.executeBatch();
        }
    }

    private void upsertOffsets(Map<TopicPartition, Long> nextOffsets) throws SQLException {
        try (PreparedStatement offsets = connection.prepareStatement(UPSERT_OFFSET)) {
            for (Map.Entry<TopicPartition, Long> offset : nextOffsets.entrySet()) {
                offsets.setString(1, offset.getKey().topic());
                offsets.setInt(2, offset.getKey().partition());
                offsets.setLong(3, offset.getValue());
                offsets.addBatch();
            }
            offsets.executeBatch();
        }
    }

    /**
     * Empties {@code topic_daily} and {@code articles} and moves the consumer's progress to
     * {@code nextOffsets}, in one transaction: what {@code newswire reprocess} does before it rebuilds them,
     * so that only records written after this point (the rebuilt ones) reach the sink.
     */
    public synchronized void startOver(Map<TopicPartition, Long> nextOffsets) {
        try (Statement clear = connection.createStatement();
             PreparedStatement offsets = connection.prepareStatement(UPSERT_OFFSET)) {
            clear.executeUpdate("DELETE FROM topic_daily");
            clear.executeUpdate("DELETE FROM articles");
            for (Map.Entry<TopicPartition, Long> offset : nextOffsets.entrySet()) {
                offsets.setString(1, offset.getKey().topic());
                offsets.setInt(2, offset.getKey().partition());
                offsets.setLong(3, offset.getValue());
                offsets.addBatch();
            }
            offsets.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new SinkException("cannot clear sink " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> result = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT next_offset FROM sink_offsets WHERE topic = ? AND partition_id = ?")) {
            for (TopicPartition partition : partitions) {
                query.setString(1, partition.topic());
                query.setInt(2, partition.partition());
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        result.put(partition, rows.getLong(1));
                    }
                }
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new SinkException("cannot read offsets from sink " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The write already failed and is reported; a failed rollback adds nothing the caller can act on.
        }
    }

    /**
     * Text as both databases store it: PostgreSQL refuses U+0000 in TEXT, which untrusted articles can carry
     * and which no reader needs, so it is dropped everywhere. (The JSON columns hold it escaped, as text.)
     */
    static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of common are always serialisable", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SinkException("cannot close sink " + redacted(url) + ": " + e.getMessage(), e);
        }
    }
}
