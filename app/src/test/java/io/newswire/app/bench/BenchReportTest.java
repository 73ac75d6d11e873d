package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void shouldSayWhenTheLatencyRunSaturatedTheMachine() {
        String printed = printed(report(1.9, 0.08, 0.16));

        assertThat(printed).contains("this JVM used 1.90 of the machine's 2 cores, of which the bench's own sender 0.08"
                + " and the JIT compiler 0.16");
        assertThat(printed).contains("the percentiles measure a queue");
    }

    @Test
    void shouldNotCallARunWithCoresToSpareSaturated() {
        String printed = printed(report(1.2, 0.05, 0.10));

        assertThat(printed).contains("this JVM used 1.20 of the machine's 2 cores");
        assertThat(printed).doesNotContain("queue");
    }

    @Test
    void shouldSayWhatTheTaggerRanBesideItsDefaults() {
        assertThat(printed(report(1.2, 0.05, 0.10, true))).contains("| tagging alone, one core (with desks) |");
        assertThat(printed(report(1.2, 0.05, 0.10, false)))
                .contains("| tagging alone, one core (with desks, without the name model) |");
    }

    @Test
    void shouldLeaveTheLineOutWhereTheJvmCannotTellItsCpu() {
        assertThat(printed(report(-1, -1, -1))).doesNotContain("this JVM used");
    }

    private static String printed(BenchReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A report of plausible figures on a 2-core machine, with the latency run's CPU as given. */
    private static BenchReport report(double cpuCores, double senderCpuCores, double jitCpuCores) {
        return report(cpuCores, senderCpuCores, jitCpuCores, true);
    }

    /** The same, with or without the name model. */
    private static BenchReport report(double cpuCores, double senderCpuCores, double jitCpuCores, boolean nameModel) {
        return new BenchReport(50_000, 20_000, 3, "embedded broker", 3924, 24_000, 94, 1_700, 6.7, 29.4, 0.071,
                80, 1_090, 2_381, 1_448, 1_000, 60, 56_923, 0, 180, 400, 500, 700, 1_000, 300, 6_000, 2, 3.5, "17",
                3_100, 610, 290, 12.5, 1.21, 0.071, true, 200, 110, 1, 0.7, cpuCores, senderCpuCores, jitCpuCores,
                nameModel);
    }
}
