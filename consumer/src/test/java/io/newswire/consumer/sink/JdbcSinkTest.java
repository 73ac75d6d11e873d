package io.newswire.consumer.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSinkTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TopicPartition DAILY_0 = new TopicPartition("news.topic-daily", 0);

    @TempDir
    Path dir;

    private static TopicDaySummary summary(String topic, String day, long count) {
        return new TopicDaySummary(1, topic, day, count, 1, List.of(), List.of("t"), NOW, NOW);
    }

    private static TaggedArticle article(String title) {
        Article article = Article.create("seed", null, title, "body", null, NOW, "en");
        return TaggedArticle.of(article, "2024-10-26", "published",
                Tags.topicsOnly(List.of(new TopicScore("sanctions", 1))));
    }

    private long count(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void shouldUpsertTheLatestSummaryAndStoreOffsetsWithIt() throws SQLException {
        Path db = dir.resolve("sink.db");
        try (JdbcSink sink = JdbcSink.open(db.toString())) {
            sink.write(new SinkBatch(List.of(summary("sanctions", "2024-10-26", 1)), List.of(), Map.of(DAILY_0, 5L)));
            sink.write(new SinkBatch(List.of(summary("sanctions", "2024-10-26", 2)), List.of(), Map.of(DAILY_0, 9L)));

            assertThat(sink.storedOffsets(List.of(DAILY_0, new TopicPartition("news.topic-daily", 1))))
                    .containsExactly(Map.entry(DAILY_0, 9L));
        }
        assertThat(count(db, "SELECT count(*) FROM topic_daily")).isEqualTo(1);
        assertThat(count(db, "SELECT article_count FROM topic_daily WHERE topic = 'sanctions'")).isEqualTo(2);
    }

    @Test
    void shouldStoreHostileTextAsDataNotSql() throws SQLException {
        Path db = dir.resolve("sink.db");
        TaggedArticle hostile = article("Robert'); DROP TABLE articles;-- <script>alert(1)</script>");
        try (JdbcSink sink = JdbcSink.open(db.toString())) {
            sink.write(new SinkBatch(List.of(), List.of(hostile, hostile), Map.of()));
        }
        try (SinkReader reader = new SinkReader(db.toString())) {
            assertThat(reader.countArticles(List.of(hostile.id(), "missing"))).isEqualTo(1);
        }
        assertThat(count(db, "SELECT count(*) FROM articles WHERE title LIKE '%DROP TABLE%'")).isEqualTo(1);
    }

    @Test
    void shouldResumeFromOffsetsThatSurviveReopening() {
        Path db = dir.resolve("sink.db");
        try (JdbcSink sink = JdbcSink.open(db.toString())) {
            sink.write(new SinkBatch(List.of(), List.of(article("a")), Map.of(DAILY_0, 42L)));
        }
        try (JdbcSink reopened = JdbcSink.open(db.toString())) {
            assertThat(reopened.storedOffsets(List.of(DAILY_0))).containsEntry(DAILY_0, 42L);
        }
    }

    @Test
    void shouldNameTheDatabaseWhenItCannotBeOpened() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JdbcSink.open("/proc/newswire/forbidden.db"))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("cannot open sink jdbc:sqlite:/proc/newswire/forbidden.db");
    }
}
