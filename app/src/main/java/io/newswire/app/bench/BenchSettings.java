package io.newswire.app.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to run.
 *
 * @param bootstrapServers an existing cluster, or null for the embedded broker on {@code kafkaPort}
 * @param kafkaConfig client properties (security, or tuning to try), or null
 * @param workDir the bench's own files (broker data, Streams state, SQLite sink); wiped at the start
 * @param corpusFile extra JSON-lines text to recombine, or null
 * @param taxonomy a taxonomy file, or null for the shipped one
 * @param names whether the tagger runs the name model ({@code --no-names}: the gazetteer alone)
 * @param deskModel a desk model file, or null for the taxonomy alone
 */
public record BenchSettings(long articles, long warmup, int rate, Duration latencyDuration, int partitions, long seed,
                            String bootstrapServers, Path kafkaConfig, int kafkaPort, Path workDir,
                            Path seedsDir, Path corpusFile, Path taxonomy, boolean names, Path deskModel) {
}
