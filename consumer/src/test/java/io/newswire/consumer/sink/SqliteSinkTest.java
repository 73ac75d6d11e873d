package io.newswire.consumer.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink contract on SQLite, the default sink: a fresh file per test. */
class SqliteSinkTest extends JdbcSinkContract {

    @TempDir
    Path dir;

    @Override
    protected String sinkUrl() {
        return dir.resolve("sink.db").toString();
    }

    @Override
    protected String unopenableUrl() {
        return "/proc/newswire/forbidden.db?password=s3cret";
    }

    @Test
    void shouldCreateTheFileWithSixteenKilobytePagesInWalMode() throws Exception {
        JdbcSink.open(sinkUrl()).close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sinkUrl());
             Statement statement = connection.createStatement()) {
            try (ResultSet page = statement.executeQuery("PRAGMA page_size")) {
                assertThat(page.next()).isTrue();
                assertThat(page.getInt(1)).isEqualTo(16_384);
            }
            try (ResultSet journal = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(journal.next()).isTrue();
                assertThat(journal.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }
}
