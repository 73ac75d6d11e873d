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
    /** A body over the cap (default 1 MiB). */
    TOO_LARGE("too-large"),
    /** A date that cannot be: not a calendar date, before 1900, or published after it was ingested. */
    BAD_DATE("bad-date"),
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
