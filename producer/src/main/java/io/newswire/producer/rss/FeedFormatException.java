package io.newswire.producer.rss;

/** A response that is not a feed newswire reads: malformed XML, an unknown format, or a refused DOCTYPE. */
public final class FeedFormatException extends Exception {

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
