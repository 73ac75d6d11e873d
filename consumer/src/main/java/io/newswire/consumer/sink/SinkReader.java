package io.newswire.consumer.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Read-only queries on the sink, on a connection of their own (SQLite's WAL lets it read during writes). */
public final class SinkReader implements AutoCloseable {

    /** One row of {@code topic_daily}. */
    public record TopicDayCount(String topic, String day, long articleCount, long sourceCount) {
    }

    private final String url;
    private final Connection connection;

    public SinkReader(String urlOrPath) {
        this.url = JdbcSink.jdbcUrl(urlOrPath);
        this.connection = JdbcSink.openReader(url);
    }

    /** How many of {@code ids} have a row in {@code articles}. */
    public synchronized int countArticles(Collection<String> ids) {
        int present = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM articles WHERE id = ?")) {
            for (String id : ids) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        present++;
                    }
                }
            }
            return present;
        } catch (SQLException e) {
            // The consumer creates the tables; before its first start there is nothing yet.
            if (isMissingTable(e)) {
                return 0;
            }
            throw new SinkException("cannot query sink " + JdbcSink.redacted(url) + ": " + e.getMessage(), e);
        }
    }

    /** SQLite says "no such table"; PostgreSQL gives SQLSTATE 42P01 (undefined_table). */
    private static boolean isMissingTable(SQLException e) {
        return "42P01".equals(e.getSQLState()) || (e.getMessage() != null && e.getMessage().contains("no such table"));
    }

    /** Every row of {@code topic_daily}, by day then topic. */
    public synchronized List<TopicDayCount> topicDays() {
        List<TopicDayCount> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT topic, day, article_count, source_count FROM topic_daily ORDER BY day, topic");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                result.add(new TopicDayCount(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
            }
            return result;
        } catch (SQLException e) {
            throw new SinkException("cannot query sink " + JdbcSink.redacted(url) + ": " + e.getMessage(), e);
        }
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
