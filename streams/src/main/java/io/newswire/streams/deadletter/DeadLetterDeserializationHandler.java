package io.newswire.streams.deadletter;

import io.newswire.common.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be read as an {@code Article} goes to the dead-letter topic with reason
 * {@code malformed-json} and the pipeline goes on (KIP-1034: the handler's response carries the DLQ record).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    public static final String MALFORMED_JSON = "malformed-json";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String dlqTopic = Topics.DLQ;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic != null) {
            dlqTopic = topic.toString();
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        LOG.warn("dead-lettering {}-{}@{}: {}", context.topic(), context.partition(), context.offset(),
                exception.getMessage());
        return Response.resume(List.of(DeadLetterHeaders.record(dlqTopic, record.key(), record.value(),
                MALFORMED_JSON, exception.getMessage(), context)));
    }
}
