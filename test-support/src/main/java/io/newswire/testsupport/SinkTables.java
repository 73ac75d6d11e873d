package io.newswire.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a sink's tables in a test: each row of a query as one line, columns joined with {@code " | "}. */
public final class SinkTables {

    private SinkTables() {
    }

    /**
     * The rows of {@code sql} (a constant query of the test) on {@code sink}, a SQLite path or a JDBC URL.
     *
     * @throws SQLException when the query fails, for example because the sink has no tables yet
     */
    public static List<String> rows(String sink, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(sink.startsWith("jdbc:") ? sink : "jdbc:sqlite:" + sink);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The single number {@code sql} returns (a count), or 0 while the sink has no tables yet. */
    public static long count(String sink, String sql) {
        try {
            return Long.parseLong(rows(sink, sql).get(0));
        } catch (SQLException e) {
            return 0; // no table yet: the sink creates its tables when it is first opened
        }
    }
}
