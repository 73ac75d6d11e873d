package io.newswire.consumer.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.TaggedArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void shouldCheckpointTheWalEveryFourMegabytes() throws Exception {
        String body = "A paragraph of an article, long enough to fill pages with text. ".repeat(80);
        try (JdbcSink sink = JdbcSink.open(sinkUrl())) {
            // 24 MB of rows in 60 commits: SQLite's default (1,000 pages, 16 MB of 16 KB pages) would let the
            // WAL grow past 16 MB before its first checkpoint.
            for (int batch = 0; batch < 60; batch++) {
                List<TaggedArticle> rows = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    rows.add(article("title " + batch + "-" + i, body + batch + "-" + i));
                }
                sink.write(new SinkBatch(List.of(), rows, Map.of()));
            }

            long wal = Files.size(dir.resolve("sink.db-wal"));
            assertThat(wal).as("WAL bytes").isLessThan(JdbcSink.WAL_CHECKPOINT_BYTES + 2L * 1024 * 1024);
        }
    }
}
