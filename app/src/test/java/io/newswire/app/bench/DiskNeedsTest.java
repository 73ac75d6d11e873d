package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskNeedsTest {

    @TempDir
    Path workDir;

    private BenchSettings settings(long articles) {
        return new BenchSettings(articles, Math.min(20_000, articles), 1_000, Duration.ofSeconds(60), 3, 42, null,
                null, 9092, workDir.resolve("bench"), Path.of("seeds"), null, null, true, null);
    }

    @Test
    void countsTheFloorThePipelineTheirWarmUpsAndTheLatencyRun() {
        long articles = 2 * (1_000_000 + 20_000) + 60 * 1_000;
        assertThat(DiskNeeds.bytes(settings(1_000_000), true))
                .isEqualTo(articles * (DiskNeeds.BROKER_BYTES_PER_ARTICLE + DiskNeeds.SINK_BYTES_PER_ARTICLE));
        assertThat(DiskNeeds.bytes(settings(1_000_000), false)).isEqualTo(articles * DiskNeeds.SINK_BYTES_PER_ARTICLE);
    }

    @Test
    void refusesARunTheDiskCannotHoldAndSaysWhatToChange() throws Exception {
        long free = Files.getFileStore(workDir).getUsableSpace();
        long tooMany = free / DiskNeeds.SINK_BYTES_PER_ARTICLE + 1;

        assertThatThrownBy(() -> DiskNeeds.check(settings(tooMany), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GB are free there")
                .hasMessageContaining("--work-dir");
        assertThatCode(() -> DiskNeeds.check(settings(1_000), true)).doesNotThrowAnyException();
    }
}
