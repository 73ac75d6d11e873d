package io.newswire.common.lifecycle;

import java.time.Duration;

/**
 * A part of newswire that runs until closed: the broker, Kafka Streams, the sink consumer, the dashboard.
 * A {@link ServiceGroup} starts services in order, waiting for each to be ready before the next, and closes
 * them in reverse.
 */
public interface Service extends AutoCloseable {

    /** What the service is, for messages: "Kafka Streams", "sink consumer". */
    String name();

    /**
     * Begins the work; may return before the service is ready. Called once.
     *
     * @throws RuntimeException with one clear line when it cannot (port taken, directory not writable)
     */
    void start();

    /**
     * Returns once the service does its work.
     *
     * @throws IllegalStateException with the reason when it failed or was not ready within {@code timeout}
     */
    void awaitReady(Duration timeout) throws InterruptedException;

    /** Why the service stopped on its own, or null while it runs (or before it starts). */
    Throwable failure();

    /** Stops the service and releases what it holds; safe to call when it never started. */
    @Override
    void close() throws Exception;
}
