package io.newswire.producer;

/** Input that cannot become an {@code Article}; the message is the reason shown to whoever sent it. */
public final class InvalidArticleException extends Exception {

    public InvalidArticleException(String reason) {
        super(reason);
    }
}
