package io.newswire.common.validation;

/**
 * Why an article is refused: the value of the {@code newswire.error} header on {@code news.articles.dlq},
 * and the reason the producer gives when it rejects an article at its edge.
 */
public enum RejectReason {
    /** The value is not JSON, or not an {@code Article}. */
    MALFORMED_JSON("malformed-json"),
    /** The value's bytes are not valid UTF-8. */
    NOT_UTF8("not-utf8"),
    /** Neither a title nor a body. */
    MISSING_TEXT("missing-text"),
    /** No article id, and no record key to take it from. */
    MISSING_ID("missing-id"),
    /** A body over the cap (default 1 MiB), a field over its {@link FieldCaps cap}, or a record too large to write. */
    TOO_LARGE("too-large"),
    /**
     * A date that cannot be: not a calendar date, before 1900, published after it was ingested, or any of
     * {@code publishedAt}, {@code ingestedAt} and the record timestamp more than a day ahead of the clock.
     */
    BAD_DATE("bad-date"),
    /** Control characters, bidirectional overrides or lone surrogates in a field ({@link TextHygiene}). */
    BAD_TEXT("bad-text"),
    /** A record the sink reads without a field it needs (a tagged article's {@code day}, a summary's topic). */
    MISSING_FIELD("missing-field"),
    /** Dated further in the past than the grace allows. */
    TOO_LATE("too-late"),
    /** A failure of newswire itself on this record; the detail says what. */
    PROCESSING_ERROR("processing-error");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The reason code of DESIGN.md, e.g. {@code malformed-json}. */
    public String code() {
        return code;
    }
}
