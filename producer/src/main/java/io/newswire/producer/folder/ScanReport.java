package io.newswire.producer.folder;

/**
 * What one scan of the folder did.
 *
 * @param filesDone files whose articles Kafka acknowledged, moved to {@code processed/}
 * @param filesFailed unreadable files moved to {@code failed/} with a reason file
 * @param filesWaiting files still being written (modified too recently) or not acknowledged yet
 * @param articles articles acknowledged by Kafka
 */
public record ScanReport(int filesDone, int filesFailed, int filesWaiting, int articles) {
}
