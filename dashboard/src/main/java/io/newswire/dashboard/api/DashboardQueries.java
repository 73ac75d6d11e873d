package io.newswire.dashboard.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newswire.common.EntityMention;
import io.newswire.common.Json;
import io.newswire.common.Quantity;
import io.newswire.common.TopicScore;
import io.newswire.consumer.sink.JdbcSink;
import io.newswire.consumer.sink.SinkException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * The dashboard's read side of the sink ({@code topic_daily}, {@code articles}, {@code sink_offsets}),
 * on a connection of its own: SQLite's WAL lets it read while the consumer writes. Every value is a bound
 * parameter. Before the consumer created the tables, every query answers "nothing yet".
 */
public final class DashboardQueries implements AutoCloseable {

    /** One row of {@code topic_daily}. */
    public record TopicDayRow(String topic, String day, long articleCount, long sourceCount) {
    }

    /** How many articles of one day. */
    public record DayArticles(String day, long articles) {
    }

    /** The first and the latest day that has a summary. */
    public record DaySpan(String first, String latest) {
    }

    /** One row of {@code articles}, JSON columns parsed; {@code body} is null unless asked for. */
    public record StoredArticle(String id, String day, String title, String source, String url,
                                List<TopicScore> topics, List<EntityMention> entities, String ingestedAt,
                                String body, String publishedAt, String daySource, List<String> keyphrases,
                                List<Quantity> quantities, String duplicateOf) {
    }

    private static final String LIST_COLUMNS = "id, day, title, source, url, topics, entities, ingested_at,"
            + " NULL, published_at, day_source, keyphrases, quantities, duplicate_of";
    private static final String ALL_COLUMNS = "id, day, title, source, url, topics, entities, ingested_at,"
            + " body, published_at, day_source, keyphrases, quantities, duplicate_of";
    // ingested_at is ISO-8601 text: its order is time order (to the second, which is what a list needs).
    private static final String NEWEST_FIRST = " ORDER BY ingested_at DESC, id";

    private final String url;
    private final Connection connection;

    public DashboardQueries(String urlOrPath) {
        this.url = JdbcSink.jdbcUrl(urlOrPath);
        this.connection = JdbcSink.openReader(url);
    }

    /** "sqlite" or "postgresql": what the health check says, without the file path or credentials. */
    public String databaseKind() {
        String rest = url.substring("jdbc:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /**
     * At most this many summary rows per query: a chart of 400 days of 200 topics. Rows are in day order, so
     * what a larger sink leaves out is its latest days, and the views ask for narrower ranges than that.
     */
    public static final int MAX_ROWS = 100_000;
    /** Before this, a day in the sink is not a day (the sink refuses such rows; older sinks may hold some). */
    public static final String EARLIEST_DAY = "1900-01-01";

    /** Summaries of every topic with {@code from <= day <= to}; a null bound is open. */
    public synchronized List<TopicDayRow> topicDays(String topic, String from, String to) {
        StringBuilder sql = new StringBuilder(
                "SELECT topic, day, article_count, source_count FROM topic_daily WHERE day >= ? AND day <= ?");
        if (topic != null) {
            sql.append(" AND topic = ?");
        }
        sql.append(" ORDER BY day, topic LIMIT ?");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            query.setString(1, from == null ? "0000-00-00" : from);
            query.setString(2, to == null ? "9999-99-99" : to);
            int next = 3;
            if (topic != null) {
                query.setString(next++, topic);
            }
            query.setInt(next, MAX_ROWS);
            List<TopicDayRow> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(new TopicDayRow(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            return emptyIfNoTables(e, List.of());
        }
    }

    /** The first and latest day with a summary, among days from {@link #EARLIEST_DAY} to {@code latest}. */
    public synchronized Optional<DaySpan> daySpan(String latest) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MIN(day), MAX(day) FROM topic_daily WHERE day >= ? AND day <= ?")) {
            query.setString(1, EARLIEST_DAY);
            query.setString(2, latest);
            try (ResultSet r = query.executeQuery()) {
                if (r.next() && r.getString(1) != null) {
                    return Optional.of(new DaySpan(r.getString(1), r.getString(2)));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            return emptyIfNoTables(e, Optional.empty());
        }
    }

    /**
     * The newest articles, optionally only those tagged with {@code topic} and/or of {@code day}.
     */
    public synchronized List<StoredArticle> latestArticles(String topic, String day, int limit) {
        return latestArticles(topic, day, 0, limit);
    }

    /** As {@link #latestArticles(String, String, int)}, skipping the {@code offset} newest. */
    public synchronized List<StoredArticle> latestArticles(String topic, String day, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + LIST_COLUMNS + " FROM articles WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        if (day != null) {
            sql.append(" AND day = ?");
            params.add(day);
        }
        if (topic != null) {
            // A coarse text match on the JSON column (the same SQL on SQLite and PostgreSQL); the exact
            // check on the parsed topics follows below.
            sql.append(" AND topics LIKE ? ESCAPE '!'");
            params.add("%\"id\":\"" + likeEscaped(topic) + "\"%");
        }
        sql.append(NEWEST_FIRST).append(" LIMIT ? OFFSET ?");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (String p : params) {
                query.setString(i++, p);
            }
            query.setInt(i++, limit);
            query.setInt(i, offset);
            List<StoredArticle> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    StoredArticle a = article(r);
                    if (topic == null || a.topics().stream().anyMatch(t -> topic.equals(t.id()))) {
                        rows.add(a);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            return emptyIfNoTables(e, List.of());
        }
    }

    /** How many articles of each day name the entity {@code entityId}, oldest day first. */
    public synchronized List<DayArticles> entityDays(String entityId) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT day, COUNT(*) FROM articles WHERE entities LIKE ? ESCAPE '!' GROUP BY day ORDER BY day")) {
            query.setString(1, idPattern(entityId));
            List<DayArticles> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(new DayArticles(r.getString(1), r.getLong(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            return emptyIfNoTables(e, List.of());
        }
    }

    /** The newest articles that name the entity {@code entityId}, skipping the {@code offset} newest. */
    public synchronized List<StoredArticle> articlesWithEntity(String entityId, int offset, int limit) {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + LIST_COLUMNS
                + " FROM articles WHERE entities LIKE ? ESCAPE '!'" + NEWEST_FIRST + " LIMIT ? OFFSET ?")) {
            query.setString(1, idPattern(entityId));
            query.setInt(2, limit);
            query.setInt(3, offset);
            List<StoredArticle> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    StoredArticle a = article(r);
                    // The LIKE above is a text match on the JSON column; this is the exact check.
                    if (a.entities().stream().anyMatch(e -> entityId.equals(e.id()))) {
                        rows.add(a);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            return emptyIfNoTables(e, List.of());
        }
    }

    /**
     * The newest articles whose title contains every one of {@code words} (case-insensitive), skipping the
     * {@code offset} newest. The words are matched as text: {@code %} and {@code _} in them are not wildcards.
     */
    public synchronized List<StoredArticle> searchTitles(List<String> words, int offset, int limit) {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + LIST_COLUMNS + " FROM articles"
                + titleContainsAll(words.size()) + NEWEST_FIRST + " LIMIT ? OFFSET ?")) {
            int i = bindWords(query, words);
            query.setInt(i++, limit);
            query.setInt(i, offset);
            List<StoredArticle> rows = new ArrayList<>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    rows.add(article(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            return emptyIfNoTables(e, List.of());
        }
    }

    /** How many titles contain every one of {@code words}, counting no further than {@code cap}. */
    public synchronized long countTitles(List<String> words, int cap) {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM articles"
                + titleContainsAll(words.size()) + " LIMIT ?) matches")) {
            query.setInt(bindWords(query, words), cap);
            try (ResultSet r = query.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return emptyIfNoTables(e, 0L);
        }
    }

    private static String titleContainsAll(int words) {
        // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
        return " WHERE title IS NOT NULL" + " AND LOWER(title) LIKE ? ESCAPE '!'".repeat(words);
    }

    private static int bindWords(PreparedStatement query, List<String> words) throws SQLException {
        int i = 1;
        for (String word : words) {
            query.setString(i++, "%" + likeEscaped(word.toLowerCase(Locale.ROOT)) + "%");
        }
        return i;
    }

    /** A coarse text match of {@code "id":"<id>"} in a JSON column, as the sink writes it. */
    private static String idPattern(String id) {
        return "%\"id\":\"" + likeEscaped(id) + "\"%";
    }

    public synchronized Optional<StoredArticle> article(String id) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + ALL_COLUMNS + " FROM articles WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet r = query.executeQuery()) {
                return r.next() ? Optional.of(article(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            return emptyIfNoTables(e, Optional.empty());
        }
    }

    public synchronized long articleCount() {
        return count("SELECT COUNT(*) FROM articles");
    }

    public synchronized long topicDayCount() {
        return count("SELECT COUNT(*) FROM topic_daily");
    }

    /** Where the sink consumer stands on each partition it has written from. */
    public synchronized Map<TopicPartition, Long> sinkOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT topic, partition_id, next_offset FROM sink_offsets");
             ResultSet r = query.executeQuery()) {
            while (r.next()) {
                offsets.put(new TopicPartition(r.getString(1), r.getInt(2)), r.getLong(3));
            }
            return offsets;
        } catch (SQLException e) {
            return emptyIfNoTables(e, Map.of());
        }
    }

    private long count(String sql) {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet r = query.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            return emptyIfNoTables(e, 0L);
        }
    }

    private static StoredArticle article(ResultSet r) throws SQLException {
        return new StoredArticle(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                parse(r.getString(6), new TypeReference<List<TopicScore>>() { }),
                parse(r.getString(7), new TypeReference<List<EntityMention>>() { }),
                r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                parse(r.getString(12), new TypeReference<List<String>>() { }),
                parse(r.getString(13), new TypeReference<List<Quantity>>() { }),
                r.getString(14));
    }

    private static <T> List<T> parse(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<T> values = Json.mapper().readValue(json, type);
            return values == null ? List.of() : values;
        } catch (IOException e) {
            // The sink wrote this from records of common; an unreadable cell shows as empty, not as a 500.
            return List.of();
        }
    }

    private static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private <T> T emptyIfNoTables(SQLException e, T empty) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        // The consumer creates the tables on its first start; until then there is simply nothing to show.
        if (message.contains("no such table") || message.contains("does not exist")) {
            return empty;
        }
        throw new SinkException("cannot query sink " + JdbcSink.redacted(url) + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SinkException("cannot close sink " + JdbcSink.redacted(url) + ": " + e.getMessage(), e);
        }
    }
}
