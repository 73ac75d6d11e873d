package io.newswire.producer.rss;

import java.time.Duration;

/**
 * What one poll of a feed did.
 *
 * @param outcome how the feed answered
 * @param published new items acknowledged by Kafka in this poll
 * @param alreadySeen items skipped because an earlier poll (or run) published them
 * @param error why the poll failed, or null
 * @param nextPollIn when to poll again: the interval, or a backoff after a failure
 */
public record PollReport(Outcome outcome, int published, int alreadySeen, String error, Duration nextPollIn) {

    /** How a feed answered a poll. */
    public enum Outcome { NEW_CONTENT, NOT_MODIFIED, FAILED }

    public String describe(String feedUrl) {
        return switch (outcome) {
            case NEW_CONTENT -> String.format("rss %s: %d new, %d already seen", feedUrl, published, alreadySeen);
            case NOT_MODIFIED -> String.format("rss %s: not modified", feedUrl);
            case FAILED -> String.format("rss %s: %s; next try in %d s", feedUrl, error, nextPollIn.toSeconds());
        };
    }
}
