package io.newswire.consumer.sink;

/** The sink could not be opened or written; the message says which database and why. */
public final class SinkException extends RuntimeException {

    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
