package io.newswire.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a pipeline under test to drain: polls its drained check (the application's own, e.g.
 * {@code StreamsApp#drained}) until true, and fails at once, with the reason, when a component stopped on its own
 * instead of waiting out the deadline.
 */
public final class Drain {

    private static final Duration POLL = Duration.ofMillis(250);

    private Drain() {
    }

    /**
     * @param drained true once everything has gone through; an exception from it counts as "not yet" (a
     *     topic the pipeline has not created yet)
     * @param failure why a component stopped, or null while all run
     */
    public static void await(BooleanSupplier drained, Supplier<String> failure, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            String stopped = failure.get();
            if (stopped != null) {
                throw new AssertionError("the pipeline did not drain: " + stopped);
            }
            try {
                if (drained.getAsBoolean()) {
                    return;
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("the pipeline did not drain within " + timeout.toSeconds() + " s"
                + (lastError == null ? "" : " (last check failed: " + lastError.getMessage() + ")"), lastError);
    }
}
