package io.newswire.app.bench;

import io.newswire.app.Components;
import io.newswire.app.Pipeline;
import io.newswire.app.broker.EmbeddedBroker;
import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.common.Article;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import io.newswire.producer.ArticlePublisher;
import io.newswire.streams.TopologyConfig;
import io.newswire.streams.ahead.TaggingAhead;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code newswire bench}: on one broker, in one run, the raw producer limit (baseline), the pipeline's
 * floor (the same pipeline with a tagger that finds nothing), the tagger alone on one core, the whole
 * pipeline's throughput with the same articles, and its send → sink latency at a fixed rate. The floor and
 * the tagger are the parts: {@code overhead} is the pipeline's CPU per article over their sum.
 *
 * <p>Every run uses topics, a Streams application id and a sink group of its own ({@code bench-<run>.…}),
 * so it can run against an existing cluster without touching newswire's own topics.
 */
public final class Bench {

    /** How many distinct articles the baseline cycles through: enough to defeat any cache, small in memory. */
    private static final int BASELINE_PAYLOADS = 5_000;
    /** Marks a work directory as the bench's own, safe to wipe. */
    private static final String MARKER = ".newswire-bench";
    /** The longest wait for the JIT compiler to finish what a warm-up queued. */
    private static final Duration JIT_SETTLING = Duration.ofSeconds(60);

    private final BenchSettings settings;
    private final PrintStream out;

    public Bench(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public BenchReport run() throws InterruptedException {
        wipe(settings.workDir());
        try (HeapSampler heap = new HeapSampler()) {
            // An existing cluster when the flag or the --kafka-config file names one; else the embedded broker.
            if (settings.bootstrapServers() != null || (settings.kafkaConfig() != null
                    && KafkaClientConfig.bootstrapServers(KafkaClientConfig.readFile(settings.kafkaConfig())) != null)) {
                DiskNeeds.check(settings, false);
                Properties existing = KafkaClientConfig.load(settings.bootstrapServers(), settings.kafkaConfig());
                return run(existing, KafkaClientConfig.bootstrapServers(existing), heap);
            }
            DiskNeeds.check(settings, true);
            try (EmbeddedBroker broker = new EmbeddedBroker(settings.workDir().resolve("kafka"), settings.kafkaPort())) {
                out.printf("starting Kafka broker on %s (data in %s) …%n", broker.bootstrapServers(),
                        settings.workDir().resolve("kafka"));
                broker.start();
                // A --kafka-config file still applies: client tuning to try without a rebuild.
                return run(KafkaClientConfig.load(broker.bootstrapServers(), settings.kafkaConfig()),
                        "embedded broker", heap);
            }
        }
    }

    private BenchReport run(Properties kafka, String kafkaLabel, HeapSampler heap) throws InterruptedException {
        String run = "bench-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Properties config = isolated(kafka, run);
        Properties floorConfig = isolated(kafka, run + "-floor");
        TopologyConfig topology = topology(config, settings);
        TopologyConfig floor = new TopologyConfig(Topics.from(floorConfig), new NoTags(), topology.dayResolver(),
                topology.integrity());
        Topics topics = topology.topics();
        String baselineTopic = run + ".baseline";

        BenchCorpus corpus = BenchCorpus.load(settings.seedsDir(), settings.corpusFile());
        out.printf("corpus: %,d sentences, %,d titles (seeds %s%s)%n", corpus.sentences().size(),
                corpus.titles().size(), settings.seedsDir(),
                settings.corpusFile() != null && Files.isRegularFile(settings.corpusFile())
                        ? " + " + settings.corpusFile() : "");
        List<BaselineRun.Payload> payloads = payloads(corpus);
        double meanBytes = payloads.stream().mapToLong(p -> p.value().length).average().orElse(0);

        try (KafkaAdmin admin = new KafkaAdmin(config)) {
            admin.awaitReachable(Duration.ofSeconds(30));
            List<String> names = new ArrayList<>(topics.names());
            names.addAll(floor.topics().names());
            names.add(baselineTopic);
            admin.createMissingTopics(names, settings.partitions());

            out.printf("1/5 baseline: %,d records of %.0f B mean (after %,d not timed), raw producer, acks=all …%n",
                    settings.articles(), meanBytes, settings.warmup());
            BaselineRun.Result baseline = BaselineRun.run(config, baselineTopic, payloads, settings.warmup(),
                    settings.articles(), out);
            payloads = null;
            Duration drainTimeout = Duration.ofSeconds(Math.max(120, settings.articles() / 200));

            out.printf("2/5 floor: %,d articles through the same pipeline with a tagger that finds nothing …%n",
                    settings.articles());
            PipelineRun.Result floorResult = throughput("floor", floorConfig, floor, "floor", corpus, admin,
                    new SinkCommits(), drainTimeout);

            out.printf("3/5 tagging: the same %,d articles through the tagger alone, one thread, no Kafka …%n",
                    settings.articles());
            TaggingRun.Result tagging = TaggingRun.run(topology.tagger(),
                    new ArticleGenerator(corpus, settings.seed() + 1), settings.warmup(),
                    new ArticleGenerator(corpus, settings.seed()), settings.articles(), out);

            SinkCommits commits = new SinkCommits();
            ArticleGenerator generator = new ArticleGenerator(corpus, settings.seed());
            try (Pipeline pipeline = new Pipeline(config, topology, settings.workDir().resolve("streams"),
                    settings.workDir().resolve("bench.db").toString(), commits);
                 ArticlePublisher publisher = new ArticlePublisher(config, topics.raw())) {
                pipeline.start(Duration.ofSeconds(60));
                warmUp(publisher, corpus, pipeline, admin, commits, drainTimeout);
                out.printf("4/5 pipeline: %,d articles through producer → Streams (exactly-once) → consumer → SQLite …%n",
                        settings.articles());
                Optional<TaggingAhead.Counts> taggedBefore = pipeline.streams().taggingCounts();
                PipelineRun.Result pipelineResult = PipelineRun.run("pipeline", publisher, generator, settings.articles(),
                        pipeline, admin.admin(), commits, out, drainTimeout);
                double taggedAheadShare = aheadShare(taggedBefore, pipeline.streams().taggingCounts());

                out.printf("5/5 latency: %,d articles/s for %d s …%n", settings.rate(),
                        settings.latencyDuration().toSeconds());
                LatencyRun.Result latency = LatencyRun.run(publisher, generator, settings.rate(),
                        settings.latencyDuration(), commits, out);
                if (pipeline.failure() != null) {
                    throw new IllegalStateException(pipeline.failure());
                }
                double pipelineMicros = pipelineResult.cpuMicrosPerArticle();
                return new BenchReport(settings.articles(), settings.warmup(), settings.partitions(), kafkaLabel, meanBytes,
                        baseline.recordsPerSec(), baseline.megabytesPerSec(),
                        pipelineResult.articlesPerSec(), pipelineResult.articlesPerSec() * meanBytes / 1_000_000.0,
                        pipelineResult.seconds(), pipelineResult.articlesPerSec() / baseline.recordsPerSec(),
                        baseline.cpuMicrosPerRecord(), pipelineMicros,
                        pipelineResult.exactResends(), pipelineResult.nearDuplicates(),
                        latency.rate(), latency.seconds(), latency.samples(), latency.missing(),
                        latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), latency.maxMs(),
                        heap.peakUsedMiB(), heap.peakLiveMiB(), heap.maxHeapMiB(),
                        Runtime.getRuntime().availableProcessors(), CpuClock.loadAverage(),
                        System.getProperty("java.version"),
                        floorResult.articlesPerSec(), floorResult.cpuMicrosPerArticle(),
                        tagging.cpuMicrosPerArticle(), tagging.megabytesPerSecPerCore(),
                        pipelineMicros / (floorResult.cpuMicrosPerArticle() + tagging.cpuMicrosPerArticle()),
                        pipelineResult.articlesPerSec() / baseline.recordsPerSec(),
                        settings.deskModel() != null,
                        floorResult.compilerMicrosPerArticle(), pipelineResult.compilerMicrosPerArticle(),
                        pipeline.streams().taggingThreads(), taggedAheadShare,
                        latency.cpuCores(), latency.senderCpuCores(), latency.jitCpuCores(), settings.names());
            }
        }
    }

    /** Of the articles tagged between the two counts, the share tagged ahead; -1 when tagging ahead is off. */
    private static double aheadShare(Optional<TaggingAhead.Counts> before, Optional<TaggingAhead.Counts> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return -1;
        }
        long ahead = after.get().ahead() - before.get().ahead();
        long inline = after.get().inline() - before.get().inline();
        return ahead + inline == 0 ? -1 : (double) ahead / (ahead + inline);
    }

    /**
     * A throughput run on a pipeline of its own (own topics, application id, state and sink), closed
     * afterwards: the floor.
     */
    private PipelineRun.Result throughput(String label, Properties config, TopologyConfig topology, String dir,
                                          BenchCorpus corpus, KafkaAdmin admin, SinkCommits commits,
                                          Duration drainTimeout) throws InterruptedException {
        try (Pipeline pipeline = new Pipeline(config, topology, settings.workDir().resolve("streams-" + dir),
                settings.workDir().resolve(dir + ".db").toString(), commits);
             ArticlePublisher publisher = new ArticlePublisher(config, topology.topics().raw())) {
            pipeline.start(Duration.ofSeconds(60));
            warmUp(publisher, corpus, pipeline, admin, commits, drainTimeout);
            PipelineRun.Result result = PipelineRun.run(label, publisher, new ArticleGenerator(corpus, settings.seed()),
                    settings.articles(), pipeline, admin.admin(), commits, out, drainTimeout);
            if (pipeline.failure() != null) {
                throw new IllegalStateException(pipeline.failure());
            }
            return result;
        }
    }

    /**
     * Other articles than the timed ones (another seed): they only warm the JIT and the caches; then the JIT
     * compiler's queue is let to drain, so that the timed articles do not pay for compiling the warm-up's code.
     */
    private void warmUp(ArticlePublisher publisher, BenchCorpus corpus, Pipeline pipeline, KafkaAdmin admin,
                        SinkCommits commits, Duration drainTimeout) throws InterruptedException {
        if (settings.warmup() > 0) {
            out.printf("   warm-up: %,d articles through the pipeline, not timed …%n", settings.warmup());
            PipelineRun.run("warm-up", publisher, new ArticleGenerator(corpus, settings.seed() + 1),
                    settings.warmup(), pipeline, admin.admin(), commits, out, drainTimeout);
            long waited = JitSettling.await(JIT_SETTLING);
            out.printf("   the JIT compiler settled in %d s%n", waited);
        }
    }

    /**
     * The pipeline's parts as {@code demo} and {@code streams} build them, with the settings' taxonomy, name model
     * or not ({@code --no-names}) and desks; its tagger also tags the tagging phase (thread-safe, models shared).
     */
    static TopologyConfig topology(Properties config, BenchSettings settings) {
        return Components.withDesks(Components.topologyConfig(config, settings.taxonomy(), settings.names()),
                settings.deskModel());
    }

    /** Topics, application id and sink group of this run only. */
    private static Properties isolated(Properties kafka, String run) {
        Properties config = KafkaClientConfig.copy(kafka);
        config.put("newswire.topic.raw", run + "." + Topics.RAW);
        config.put("newswire.topic.tagged", run + "." + Topics.TAGGED);
        config.put("newswire.topic.topic-daily", run + "." + Topics.TOPIC_DAILY);
        config.put("newswire.topic.dlq", run + "." + Topics.DLQ);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, run + ".streams");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, run + ".sink");
        // A bench saturates the machine on purpose: a slow acknowledgement is a figure, not a failure, so
        // give sends two minutes (the publisher's own default is 30 s, to report a dead cluster quickly).
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        return config;
    }

    /** The first generated articles, serialised: the baseline sends exactly these bytes. */
    private List<BaselineRun.Payload> payloads(BenchCorpus corpus) {
        ArticleGenerator generator = new ArticleGenerator(corpus, settings.seed());
        int count = (int) Math.min(settings.articles(), BASELINE_PAYLOADS);
        List<BaselineRun.Payload> payloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Article article = generator.next();
            payloads.add(new BaselineRun.Payload(article.id().getBytes(StandardCharsets.UTF_8),
                    Topics.ARTICLE_SERDE.serializer().serialize(Topics.RAW, article)));
        }
        return payloads;
    }

    /**
     * Empties the work directory for a fresh broker and sink, but only one the bench made (it holds
     * {@link #MARKER}) or an empty one: a mistyped {@code --work-dir} never deletes someone's files.
     */
    private static void wipe(Path dir) {
        try {
            if (Files.exists(dir)) {
                boolean ours = Files.exists(dir.resolve(MARKER));
                try (Stream<Path> entries = Files.list(dir)) {
                    if (!ours && entries.findAny().isPresent()) {
                        throw new IllegalStateException("will not wipe " + dir.toAbsolutePath()
                                + ": it is not empty and was not made by newswire bench");
                    }
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARKER), "made by newswire bench; wiped at the start of every run\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir + ": " + e.getMessage(), e);
        }
    }
}
