package io.newswire.app.kafka;

/** Kafka did not answer in time; the message is the one line the user sees. */
public final class KafkaUnreachableException extends RuntimeException {

    public KafkaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
