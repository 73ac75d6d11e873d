package io.newswire.consumer.sink;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code NEWSWIRE_TEST_POSTGRES_URL} (environment) or
 * {@code newswire.test.postgres.url} (system property), else the one {@code .ci/run} starts,
 * {@value #DEFAULT_URL}.
 *
 * <p>When no server answers, the tests that need one are skipped with a message saying so, unless
 * {@code NEWSWIRE_TEST_POSTGRES_REQUIRED=true} (set by {@code .ci/run}), where a missing server fails them:
 * on CI a skipped PostgreSQL test would hide that the PostgreSQL sink went untested.
 */
public final class PostgresTestDatabase {

    public static final String DEFAULT_URL =
            "jdbc:postgresql://127.0.0.1:5432/newswire_test?user=newswire&password=newswire";

    private static volatile String unavailableReason;
    private static volatile boolean checked;

    private PostgresTestDatabase() {
    }

    /** The server's URL. */
    public static String url() {
        String env = System.getenv("NEWSWIRE_TEST_POSTGRES_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return System.getProperty("newswire.test.postgres.url", DEFAULT_URL);
    }

    /** Skips the calling test (or fails it where the server is required) when no server answers. */
    public static PostgresTestDatabase.Server assumeAvailable() {
        if (!checked) {
            unavailableReason = probe();
            checked = true;
        }
        if (unavailableReason != null) {
            String message = "no PostgreSQL at " + JdbcSink.redacted(url()) + " (" + unavailableReason
                    + "); set NEWSWIRE_TEST_POSTGRES_URL, or run .ci/run, which starts one";
            if ("true".equals(String.valueOf(System.getenv("NEWSWIRE_TEST_POSTGRES_REQUIRED")).toLowerCase(Locale.ROOT))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new Server();
    }

    private static String probe() {
        try (Connection c = DriverManager.getConnection(withParameter(url(), "connectTimeout=3"))) {
            return c.isValid(3) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    /** A reachable server. */
    public static final class Server {

        private Server() {
        }

        /** A new, empty schema; its URL makes it the default for every statement on its connections. */
        public Schema createSchema() {
            String name = "sink_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE SCHEMA " + name);
            return new Schema(name);
        }
    }

    /** One test's schema; {@link #drop()} removes it with everything in it. */
    public record Schema(String name) {

        public String url() {
            return withParameter(PostgresTestDatabase.url(), "currentSchema=" + name);
        }

        public void drop() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
