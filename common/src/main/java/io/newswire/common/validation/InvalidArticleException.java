package io.newswire.common.validation;

/**
 * An article that newswire refuses, with the reason code. Kafka Streams' exception handlers turn it into a
 * dead letter; the producer turns it into a rejection at its edge.
 */
public final class InvalidArticleException extends RuntimeException {

    private final RejectReason reason;

    public InvalidArticleException(RejectReason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = reason;
    }

    public InvalidArticleException(RejectReason reason, String detail, Throwable cause) {
        super(reason.code() + ": " + detail, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    /** The message without the reason code in front. */
    public String detail() {
        String message = getMessage();
        return message.substring(reason.code().length() + 2);
    }
}
