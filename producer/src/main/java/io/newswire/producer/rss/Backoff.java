package io.newswire.producer.rss;

import java.time.Duration;

/**
 * When to poll a feed next: every interval while it answers, twice as long after each failure in a row
 * (capped at an hour, or the interval if that is longer), and never sooner than a server's Retry-After.
 */
public final class Backoff {

    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** A Retry-After beyond a day is a server mistake; do not go silent for longer than that. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final Duration interval;
    private int failures;

    public Backoff(Duration interval) {
        this.interval = interval;
    }

    public Duration afterSuccess() {
        failures = 0;
        return interval;
    }

    /** @param retryAfter what the server asked for, or null */
    public Duration afterFailure(Duration retryAfter) {
        failures++;
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        Duration delay = interval.multipliedBy(1L << Math.min(failures, 20));
        if (delay.compareTo(cap) > 0) {
            delay = cap;
        }
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        return delay;
    }

    public int failures() {
        return failures;
    }
}
