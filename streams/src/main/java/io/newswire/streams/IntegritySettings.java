package io.newswire.streams;

import io.newswire.common.validation.ArticleValidator;
import java.time.Duration;
import java.util.Properties;

/**
 * The knobs of de-duplication, lateness and validation, with their defaults. Each can be set in the
 * properties file ({@code --kafka-config}) under the key named beside it.
 *
 * @param lateGrace {@code newswire.late.grace-days} (30): how far an article's day may lie before the latest
 *                  day its partition has seen and still update that day's summary; older goes to the DLQ
 *                  as {@code too-late}
 * @param nearDuplicateDistance {@code newswire.dedup.near-duplicate-bits} (6): the largest Hamming distance
 *                  between two 64-bit SimHashes that makes them the same story
 * @param dedupRetention {@code newswire.dedup.retention-days} (90): how long ids and fingerprints are
 *                  remembered; a replay later than this counts again
 * @param maxBodyBytes {@code newswire.article.max-body-bytes} (1 MiB): a longer body is {@code too-large}
 */
public record IntegritySettings(Duration lateGrace, int nearDuplicateDistance, Duration dedupRetention,
                                int maxBodyBytes) {

    public static final String LATE_GRACE_DAYS = "newswire.late.grace-days";
    public static final String NEAR_DUPLICATE_BITS = "newswire.dedup.near-duplicate-bits";
    public static final String DEDUP_RETENTION_DAYS = "newswire.dedup.retention-days";
    public static final String MAX_BODY_BYTES = "newswire.article.max-body-bytes";

    static final Duration DEFAULT_LATE_GRACE = Duration.ofDays(30);
    /**
     * Measured on the seed stories: a suffix, two changed words or a body cut by 10 % move 0 to 7 bits, two
     * different stories 23 to 37. Manku et al. (WWW 2007) used 3 for web pages, which misses the cut copies.
     */
    static final int DEFAULT_NEAR_DUPLICATE_BITS = 6;
    /** A quarter: feeds re-publish within days; replays of a corpus within a season still count once. */
    static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(90);

    public IntegritySettings {
        if (lateGrace.isNegative() || dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new IllegalArgumentException("grace and retention must be positive");
        }
        if (nearDuplicateDistance < 0 || nearDuplicateDistance > 15) {
            throw new IllegalArgumentException(NEAR_DUPLICATE_BITS + " must be 0..15, not " + nearDuplicateDistance);
        }
    }

    public static IntegritySettings defaults() {
        return new IntegritySettings(DEFAULT_LATE_GRACE, DEFAULT_NEAR_DUPLICATE_BITS, DEFAULT_DEDUP_RETENTION,
                ArticleValidator.DEFAULT_MAX_BODY_BYTES);
    }

    /** The defaults, with any knob set in {@code config}. */
    public static IntegritySettings from(Properties config) {
        IntegritySettings d = defaults();
        return new IntegritySettings(
                Duration.ofDays(number(config, LATE_GRACE_DAYS, d.lateGrace.toDays())),
                (int) number(config, NEAR_DUPLICATE_BITS, d.nearDuplicateDistance),
                Duration.ofDays(number(config, DEDUP_RETENTION_DAYS, d.dedupRetention.toDays())),
                (int) number(config, MAX_BODY_BYTES, d.maxBodyBytes));
    }

    public ArticleValidator validator() {
        return new ArticleValidator(maxBodyBytes);
    }

    private static long number(Properties config, String key, long fallback) {
        String value = config.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not \"" + value + "\"", e);
        }
    }
}
