package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.testsupport.InJvmKafka;
import io.newswire.common.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny {@code newswire bench} on an in-JVM cluster, only to prove that it runs end to end and writes
 * sane figures. No speed is asserted: the figures of a shared CI machine say nothing.
 */
class BenchIT {

    @TempDir
    Path dir;

    @Test
    void shouldRunTheBenchAndWriteItsFiguresAsJson() throws Exception {
        Path output = dir.resolve("target/bench.json");
        int exit;
        try (InJvmKafka kafka = InJvmKafka.start(1)) {
            exit = Newswire.run("bench", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--seeds", Path.of("..", "seeds").toString(), "--articles", "1000", "--warmup", "250", "--rate", "200", "--duration", "5",
                    "--work-dir", dir.resolve("work").toString(), "--output", output.toString());
        }

        assertThat(exit).isZero();
        JsonNode bench = Json.mapper().readTree(output.toFile());
        assertThat(bench.path("articles").asLong()).isEqualTo(1000);
        assertThat(bench.path("warmupArticles").asLong()).isEqualTo(250);
        for (String field : new String[] {"baselineArticlesPerSec", "pipelineArticlesPerSec", "ratio", "p50Ms",
            "p95Ms", "p99Ms", "peakHeapMiB", "floorArticlesPerSec", "floorCpuMicrosPerArticle",
            "taggingCpuMicrosPerArticle", "taggingMBPerSecPerCore", "overhead", "pipelineToBaseline"}) {
            assertThat(bench.path(field).isNumber()).as(field).isTrue();
            assertThat(bench.path(field).asDouble()).as(field).isPositive();
        }
        // The JIT compiler's threads (read from Linux's /proc) use some, and only some, of a short run's CPU.
        for (String run : new String[] {"floor", "pipeline"}) {
            assertThat(bench.path(run + "JitCpuMicrosPerArticle").asDouble()).as(run)
                    .isPositive().isLessThan(bench.path(run + "CpuMicrosPerArticle").asDouble());
        }
        // The parts are measured, not derived from each other: the overhead is their quotient as written.
        assertThat(bench.path("overhead").asDouble()).isCloseTo(bench.path("pipelineCpuMicrosPerArticle").asDouble()
                / (bench.path("floorCpuMicrosPerArticle").asDouble() + bench.path("taggingCpuMicrosPerArticle").asDouble()),
                within(1e-9));
        assertThat(bench.path("pipelineToBaseline").asDouble()).isEqualTo(bench.path("ratio").asDouble());
        assertThat(bench.path("deskModel").asBoolean()).isFalse();
        assertThat(bench.path("nameModel").asBoolean()).isTrue();
        assertThat(bench.path("p50Ms").asDouble()).isLessThanOrEqualTo(bench.path("p95Ms").asDouble());
        assertThat(bench.path("p95Ms").asDouble()).isLessThanOrEqualTo(bench.path("p99Ms").asDouble());
        assertThat(bench.path("latencySamples").asInt()).isPositive();
        assertThat(bench.path("latencyMissing").asInt()).isZero();
        // While the latency run sends, the JVM works (it cannot use more than its cores); its sender and JIT are parts of it.
        double cores = bench.path("latencyCpuCores").asDouble();
        assertThat(cores).isPositive().isLessThanOrEqualTo(bench.path("cpus").asInt() * 1.05);
        for (String part : new String[] {"latencySenderCpuCores", "latencyJitCpuCores"}) {
            assertThat(bench.path(part).asDouble()).as(part).isPositive().isLessThan(cores);
        }
        // Tagging ahead is on by default where there is a core beyond the first, and it tags some articles.
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(bench.path("taggingThreads").asInt()).isEqualTo(Math.min(4, processors - 1));
        if (processors > 1) {
            assertThat(bench.path("pipelineTaggedAheadShare").asDouble()).isBetween(0.0, 1.0);
        }
    }
}
