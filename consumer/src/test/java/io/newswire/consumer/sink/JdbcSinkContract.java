package io.newswire.consumer.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicScore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * What every JDBC sink must do, whatever the database: one set of tests, run by {@link SqliteSinkTest} on
 * a SQLite file and by {@link PostgresSinkTest} on a real PostgreSQL server.
 */
abstract class JdbcSinkContract {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TopicPartition DAILY_0 = new TopicPartition("news.topic-daily", 0);
    private static final TopicPartition DAILY_1 = new TopicPartition("news.topic-daily", 1);

    /** A JDBC URL (or SQLite path) of an empty database of this test's own. */
    protected abstract String sinkUrl();

    /** A URL of this kind of database that cannot be opened. */
    protected abstract String unopenableUrl();

    private static TopicDaySummary summary(String topic, String day, long count) {
        return new TopicDaySummary(1, topic, day, count, 1, List.of(), List.of("t"), NOW, NOW);
    }

    private static TaggedArticle article(String title) {
        return article(title, "body");
    }

    protected static TaggedArticle article(String title, String body) {
        Article article = Article.create("seed", null, title, body, null, NOW, "en");
        return TaggedArticle.of(article, "2024-10-26", "published",
                Tags.topicsOnly(List.of(new TopicScore("sanctions", 1))));
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(JdbcSink.jdbcUrl(sinkUrl()));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(query(sql).get(0));
    }

    @Test
    void shouldUpsertTheLatestSummaryAndStoreOffsetsWithIt() throws SQLException {
        try (JdbcSink sink = JdbcSink.open(sinkUrl())) {
            sink.write(new SinkBatch(List.of(summary("sanctions", "2024-10-26", 1)), List.of(), Map.of(DAILY_0, 5L)));
            sink.write(new SinkBatch(List.of(summary("sanctions", "2024-10-26", 2)), List.of(), Map.of(DAILY_0, 9L)));

            assertThat(sink.storedOffsets(List.of(DAILY_0, DAILY_1))).containsExactly(Map.entry(DAILY_0, 9L));
        }
        assertThat(count("SELECT count(*) FROM topic_daily")).isEqualTo(1);
        assertThat(count("SELECT article_count FROM topic_daily WHERE topic = 'sanctions'")).isEqualTo(2);
    }

    @Test
    void shouldStoreHostileTextAsDataNotSql() throws SQLException {
        TaggedArticle hostile = article("Robert'); DROP TABLE articles;-- <script>alert(1)</script>");
        try (JdbcSink sink = JdbcSink.open(sinkUrl())) {
            sink.write(new SinkBatch(List.of(), List.of(hostile, hostile), Map.of()));
        }
        try (SinkReader reader = new SinkReader(sinkUrl())) {
            assertThat(reader.countArticles(List.of(hostile.id(), "missing"))).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM articles WHERE title LIKE '%DROP TABLE%'")).isEqualTo(1);
    }

    @Test
    void shouldStoreTextWithNulCharactersWithoutThem() throws SQLException {
        // PostgreSQL refuses U+0000 in TEXT; an article scraped from the web can contain one.
        TaggedArticle withNul = article("Nul\u0000in the title");
        try (JdbcSink sink = JdbcSink.open(sinkUrl())) {
            sink.write(new SinkBatch(List.of(), List.of(withNul), Map.of(DAILY_0, 1L)));
        }
        assertThat(query("SELECT title FROM articles")).containsExactly("Nulin the title");
    }

    @Test
    void shouldResumeFromOffsetsThatSurviveReopening() {
        try (JdbcSink sink = JdbcSink.open(sinkUrl())) {
            sink.write(new SinkBatch(List.of(), List.of(article("a")), Map.of(DAILY_0, 42L)));
        }
        try (JdbcSink reopened = JdbcSink.open(sinkUrl())) {
            assertThat(reopened.storedOffsets(List.of(DAILY_0))).containsEntry(DAILY_0, 42L);
        }
    }

    @Test
    void shouldWriteNeitherRowsNorOffsetsOfAFailedBatchAndKeepWorking() throws SQLException {
        TaggedArticle undated = TaggedArticle.of(Article.create("seed", null, "no day", "b", null, NOW, "en"),
                null, "ingested", Tags.topicsOnly(List.of()));
        try (JdbcSink sink = JdbcSink.open(sinkUrl())) {
            SinkBatch broken = new SinkBatch(List.of(summary("sanctions", "2024-10-26", 7)), List.of(undated),
                    Map.of(DAILY_0, 3L));
            assertThatThrownBy(() -> sink.write(broken))
                    .isInstanceOf(SinkException.class)
                    .hasMessageStartingWith("cannot write to sink");

            assertThat(sink.storedOffsets(List.of(DAILY_0))).isEmpty();
            sink.write(new SinkBatch(List.of(summary("sanctions", "2024-10-26", 1)), List.of(), Map.of(DAILY_0, 4L)));
            assertThat(sink.storedOffsets(List.of(DAILY_0))).containsExactly(Map.entry(DAILY_0, 4L));
        }
        assertThat(query("SELECT article_count FROM topic_daily")).containsExactly("1");
        assertThat(count("SELECT count(*) FROM articles")).isZero();
    }

    @Test
    void shouldLetConsumersOfOneGroupOpenAndWriteOneDatabaseTogether() throws Exception {
        // Consumers of one group start together and each writes the partitions it is assigned.
        int consumers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                TopicPartition partition = new TopicPartition("news.topic-daily", i);
                tasks.add(() -> {
                    try (JdbcSink sink = JdbcSink.open(sinkUrl())) {
                        for (long offset = 1; offset <= 5; offset++) {
                            sink.write(new SinkBatch(List.of(summary("topic-" + partition.partition(), "2024-10-26",
                                    offset)), List.of(), Map.of(partition, offset)));
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(query("SELECT next_offset FROM sink_offsets")).containsOnly("5").hasSize(consumers);
        assertThat(query("SELECT article_count FROM topic_daily")).containsOnly("5").hasSize(consumers);
    }

    @Test
    void shouldRefuseABatchReadFromAnOffsetThatAnotherConsumerHasMovedOn() throws SQLException {
        try (JdbcSink first = JdbcSink.open(sinkUrl()); JdbcSink second = JdbcSink.open(sinkUrl())) {
            // Both consumers found partition 0 at offset 5; the second, its new owner, writes first.
            first.write(new SinkBatch(List.of(), List.of(), Map.of(DAILY_0, 5L), Map.of()));
            second.write(new SinkBatch(List.of(summary("sanctions", "2024-10-26", 9)), List.of(),
                    Map.of(DAILY_0, 9L), Map.of(DAILY_0, 5L)));

            SinkBatch stale = new SinkBatch(List.of(summary("sanctions", "2024-10-26", 7)), List.of(article("old")),
                    Map.of(DAILY_0, 7L, DAILY_1, 2L), Map.of(DAILY_0, 5L));
            assertThatThrownBy(() -> first.write(stale))
                    .isInstanceOf(SinkConflictException.class)
                    .satisfies(e -> assertThat(((SinkConflictException) e).partitions()).containsExactly(DAILY_0));

            assertThat(first.storedOffsets(List.of(DAILY_0, DAILY_1))).containsExactly(Map.entry(DAILY_0, 9L));
            first.write(new SinkBatch(List.of(), List.of(), Map.of(DAILY_0, 10L), Map.of(DAILY_0, 9L)));
            assertThat(second.storedOffsets(List.of(DAILY_0))).containsExactly(Map.entry(DAILY_0, 10L));
        }
        assertThat(query("SELECT article_count FROM topic_daily")).containsExactly("9");
        assertThat(count("SELECT count(*) FROM articles")).isZero();
    }

    @Test
    void shouldRefuseAFirstOffsetThatAnotherConsumerHasStoredMeanwhile() {
        try (JdbcSink first = JdbcSink.open(sinkUrl()); JdbcSink second = JdbcSink.open(sinkUrl())) {
            second.write(new SinkBatch(List.of(), List.of(), Map.of(DAILY_0, 4L), Map.of()));

            assertThatThrownBy(() -> first.write(new SinkBatch(List.of(), List.of(article("a")),
                    Map.of(DAILY_0, 3L), Map.of())))
                    .isInstanceOf(SinkConflictException.class);
            assertThat(first.storedOffsets(List.of(DAILY_0))).containsExactly(Map.entry(DAILY_0, 4L));
        }
    }

    @Test
    void shouldCountNothingBeforeTheConsumerCreatedTheTables() {
        try (SinkReader reader = new SinkReader(sinkUrl())) {
            assertThat(reader.countArticles(List.of("any"))).isZero();
        }
    }

    @Test
    void shouldNameTheDatabaseButNotThePasswordWhenItCannotBeOpened() {
        String url = JdbcSink.jdbcUrl(unopenableUrl());
        String withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        assertThatThrownBy(() -> JdbcSink.open(url))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("cannot open sink " + withoutQuery)
                .hasMessageNotContaining("s3cret");
    }
}
