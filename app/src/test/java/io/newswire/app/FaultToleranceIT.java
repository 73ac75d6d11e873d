package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.consumer.SummaryConsumer;
import io.newswire.streams.StreamsApp;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.testsupport.Drain;
import io.newswire.testsupport.SharedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kafka.server.BrokerServer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promises of exactly-once and no loss on a real cluster of three brokers: a few thousand articles with
 * repeats, near-duplicates, late and bad records, replayed undisturbed once, then again while a Streams
 * instance is killed, a broker restarted, or the sink consumer crashed right after its database commit. Every
 * disturbed run must leave the same sink as the undisturbed one, and count in = count tagged + count in the DLQ.
 */
class FaultToleranceIT {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path tempDir;
    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.forFailover(3);
    private static Workload workload;
    private static PipelineRun.Outcome undisturbed;

    @BeforeAll
    static void runUndisturbed() throws Exception {
        workload = new Workload(seedDir());

        try (PipelineRun run = new PipelineRun("undisturbed", KAFKA.bootstrapServers(), tempDir)) {
            run.createTopics();
            run.startStreams();
            run.startConsumer(run.sink);
            run.produce(workload.entries);
            awaitDrained(run);
            undisturbed = run.outcome();
        }
    }

    @Test
    void undisturbedRunShouldCountEachStoryOnceAndDeadLetterEveryBadRecordWithItsReason() {
        LuceneTagger tagger = LuceneTagger.withDefaults();
        long originalsTopics = workload.originals.stream().mapToLong(a -> tagger.tag(a).topics().size()).sum();
        long summedCounts = undisturbed.topicDaily().stream()
                .mapToLong(row -> Long.parseLong(row.split(" \\| ")[2]))
                .sum();
        assertThat(summedCounts).as("each original counted once per topic; repeats and near-duplicates not at all")
                .isEqualTo(originalsTopics);
        assertThat(undisturbed.articles()).hasSize(Workload.ORIGINALS + Workload.NEAR_DUPLICATES);
        assertThat(undisturbed.articles().stream().filter(row -> !row.endsWith(" | null")))
                .as("near-duplicates linked to their first").hasSize(Workload.NEAR_DUPLICATES);
        assertThat(undisturbed.deadLettersByReason()).isEqualTo(workload.expectedDeadLetters);
        assertThat(undisturbed.tagged() + undisturbed.deadLetters()).isEqualTo(workload.total());
    }

    @Test
    void killingStreamsMidRunShouldChangeNothing() throws Exception {
        try (PipelineRun run = new PipelineRun("kill-streams", KAFKA.bootstrapServers(), tempDir)) {
            run.createTopics();
            StreamsApp first = run.startStreams();
            run.startConsumer(run.sink);
            run.produce(workload.entries);
            await().atMost(DRAIN_TIMEOUT).until(() -> run.committedCount(run.topics.tagged().name()) >= 300);
            assertThat(run.drained()).as("killed mid-run, not after the end").isFalse();

            first.halt();
            run.startStreams();
            awaitDrained(run);

            assertSameAsUndisturbed(run);
        }
    }

    @Test
    void restartingABrokerMidRunShouldLoseNothing() throws Exception {
        try (PipelineRun run = new PipelineRun("broker-restart", KAFKA.bootstrapServers(), tempDir)) {
            run.createTopics();
            run.startStreams();
            run.startConsumer(run.sink);
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> run.produce(workload.entries));
            await().atMost(DRAIN_TIMEOUT).until(() -> run.committedCount(run.topics.tagged().name()) >= 300);

            BrokerServer broker = KAFKA.cluster().brokers().values().iterator().next();
            broker.shutdown();
            broker.awaitShutdown();
            broker.startup();
            producing.get(120, TimeUnit.SECONDS); // every record acknowledged, or the test fails here
            awaitDrained(run);

            assertSameAsUndisturbed(run);
        }
    }

    @Test
    void crashingTheConsumerBetweenItsDatabaseCommitAndAnythingAfterShouldNeitherLoseNorDoubleCount() throws Exception {
        try (PipelineRun run = new PipelineRun("kill-consumer", KAFKA.bootstrapServers(), tempDir)) {
            run.createTopics();
            run.startStreams();
            AtomicInteger writes = new AtomicInteger();
            CrashingSink crashing = new CrashingSink(run.sink, () -> writes.incrementAndGet() == 3);
            SummaryConsumer first = run.startConsumer(crashing);
            run.produce(workload.entries);
            await().atMost(DRAIN_TIMEOUT).until(() -> first.failure() != null);
            assertThat(first.failure()).hasMessageContaining("after the database commit");

            run.startConsumer(run.sink);
            awaitDrained(run);

            assertSameAsUndisturbed(run);
        }
    }

    /**
     * Every difference at once, as the rows that differ (the whole tables would bury them), and on a difference
     * what Kafka logged during the run: the logs go to a file that a CI report does not show.
     */
    private static void assertSameAsUndisturbed(PipelineRun run) throws Exception {
        PipelineRun.Outcome outcome = run.outcome();
        SoftAssertions softly = new SoftAssertions();
        assertSameRows(softly, "topic_daily", outcome.topicDaily(), undisturbed.topicDaily());
        assertSameRows(softly, "articles", outcome.articles(), undisturbed.articles());
        softly.assertThat(outcome.deadLettersByReason()).as("dead letters by reason")
                .isEqualTo(undisturbed.deadLettersByReason());
        softly.assertThat(outcome.tagged()).as("tagged").isEqualTo(undisturbed.tagged());
        softly.assertThat(outcome.tagged() + outcome.deadLetters()).as("count in = tagged + dead-lettered")
                .isEqualTo(workload.total());
        if (!softly.errorsCollected().isEmpty()) {
            softly.fail("%nwarnings and errors logged for %s (dead letters left out):%n%s", run.prefix,
                    String.join("\n", loggedWarnings(run.prefix)));
        }
        softly.assertAll();
    }

    /** The last warnings and errors of the test log that name this run, each cut to a line's length. */
    private static List<String> loggedWarnings(String prefix) throws IOException {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            return List.of("(no log file)");
        }
        // Decoded leniently: the log quotes some of the test's deliberately broken bytes.
        try (Stream<String> lines = new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8).lines()) {
            List<String> warnings = lines
                    .filter(line -> line.contains(prefix) && (line.contains(" WARN ") || line.contains(" ERROR ")))
                    .filter(line -> !line.contains("dead-lettering") && !line.contains("Skipping record due to"))
                    // The Streams client id (prefix, "-streams-", a UUID) would take half of each line.
                    .map(line -> line.replaceAll(Pattern.quote(prefix) + "-streams-[0-9a-f-]{36}", "<streams>"))
                    .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line)
                    .toList();
            return warnings.subList(Math.max(0, warnings.size() - 40), warnings.size());
        }
    }

    private static void assertSameRows(SoftAssertions softly, String table, List<String> rows, List<String> expected) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(rows);
        List<String> extra = new ArrayList<>(rows);
        extra.removeAll(expected);
        softly.assertThat(extra).as("%s: %d rows here, %d undisturbed; rows only here (then rows only undisturbed: %s)",
                table, rows.size(), expected.size(), missing).isEmpty();
        softly.assertThat(missing).as("%s rows only in the undisturbed run", table).isEmpty();
        // Both queries order by the table's key, so the same rows and count mean the same list.
        softly.assertThat(rows.size()).as("%s row count", table).isEqualTo(expected.size());
    }

    private static void awaitDrained(PipelineRun run) throws InterruptedException {
        Drain.await(run::drained, run::failure, DRAIN_TIMEOUT);
    }

    private static Path seedDir() {
        Path inModule = Path.of("..", "seeds");
        return Files.isDirectory(inModule) ? inModule : Path.of("seeds");
    }
}
