package io.newswire.app.broker;

/** The embedded broker could not start; the message is the one line the user sees. */
public final class BrokerStartException extends RuntimeException {

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
