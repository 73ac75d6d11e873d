package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

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
                    "--seeds", Path.of("..", "seeds").toString(), "--articles", "2000", "--warmup", "500", "--rate", "200", "--duration", "5",
                    "--work-dir", dir.resolve("work").toString(), "--output", output.toString());
        }

        assertThat(exit).isZero();
        JsonNode bench = Json.mapper().readTree(output.toFile());
        assertThat(bench.path("articles").asLong()).isEqualTo(2000);
        assertThat(bench.path("warmupArticles").asLong()).isEqualTo(500);
        for (String field : new String[] {"baselineArticlesPerSec", "pipelineArticlesPerSec", "ratio", "p50Ms",
            "p95Ms", "p99Ms", "peakHeapMiB"}) {
            assertThat(bench.path(field).isNumber()).as(field).isTrue();
            assertThat(bench.path(field).asDouble()).as(field).isPositive();
        }
        assertThat(bench.path("p50Ms").asDouble()).isLessThanOrEqualTo(bench.path("p95Ms").asDouble());
        assertThat(bench.path("p95Ms").asDouble()).isLessThanOrEqualTo(bench.path("p99Ms").asDouble());
        assertThat(bench.path("latencySamples").asInt()).isPositive();
        assertThat(bench.path("latencyMissing").asInt()).isZero();
    }
}
