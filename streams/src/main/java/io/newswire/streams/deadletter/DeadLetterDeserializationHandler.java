package io.newswire.streams.deadletter;

import io.newswire.common.Topics;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be read as an {@code Article} goes to the dead-letter topic and the pipeline goes on
 * (KIP-1034: the handler's response carries the DLQ record). The reason is the one the deserializer gave
 * ({@code not-utf8}, {@code bad-date}, {@code too-large}), else {@code malformed-json}.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    public static final String MALFORMED_JSON = RejectReason.MALFORMED_JSON.code();
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String dlqTopic = Topics.DLQ;

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetterRecords.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        String reason = exception instanceof InvalidArticleException invalid ? invalid.reason().code() : MALFORMED_JSON;
        String detail = exception instanceof InvalidArticleException invalid ? invalid.detail() : exception.getMessage();
        LOG.warn("dead-lettering {}-{}@{} as {}: {}", context.topic(), context.partition(), context.offset(),
                reason, detail);
        return Response.resume(List.of(DeadLetterRecords.record(dlqTopic, record.key(), record.value(),
                reason, detail, context)));
    }
}
