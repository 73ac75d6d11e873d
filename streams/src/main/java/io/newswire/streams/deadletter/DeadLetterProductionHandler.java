package io.newswire.streams.deadletter;

import io.newswire.common.Json;
import io.newswire.common.Topics;
import io.newswire.common.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that Kafka Streams cannot write (too large for its topic, not serialisable) is dead-lettered and the
 * pipeline goes on, where Kafka's default handler would stop the stream thread, and a restart would meet the
 * same record again.
 *
 * <p>Two paths reach it. A value refused by a {@link RecordSizeGuard size guard} fails while it is serialised,
 * before the producer sees it: the transaction is intact, and the dead letter replaces the record in it. That
 * is how newswire keeps its outputs within their topics' limits. A send that fails later (the broker refuses
 * it) has already made the transactional producer abort: Kafka Streams then processes the task again from its
 * last commit; the dead letter here is the last resort of that path, never the plan.
 *
 * <p>A dead letter that itself fails is logged and dropped: there is nowhere left to put it, and writing it
 * again would fail the same way. Dead letters are cut to fit their topic (see {@code DeadLetterRecord}), so
 * this does not happen with the topics newswire creates.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private String dlqTopic = Topics.DLQ;

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetterRecords.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (dlqTopic.equals(record.topic())) {
            LOG.error("dropping a dead letter of {}-{}@{} that could not be written: {}", context.topic(),
                    context.partition(), context.offset(), exception.toString());
            return Response.resume();
        }
        String reason = reason(exception);
        String detail = "cannot write to " + record.topic() + ": " + exception;
        LOG.warn("dead-lettering {}-{}@{} as {}: {}", context.topic(), context.partition(), context.offset(),
                reason, detail);
        byte[] value = context.sourceRawValue() != null ? context.sourceRawValue() : record.value();
        byte[] key = context.sourceRawValue() != null ? context.sourceRawKey() : record.key();
        return Response.resume(List.of(DeadLetterRecords.record(dlqTopic, key, value, reason, detail, context)));
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        String reason = reason(exception);
        String detail = "cannot write the " + origin.name().toLowerCase(java.util.Locale.ROOT) + " to "
                + record.topic() + ": " + exception.getMessage();
        LOG.warn("dead-lettering {}-{}@{} as {}: {}", context.topic(), context.partition(), context.offset(),
                reason, detail);
        byte[] key = context.sourceRawValue() != null ? context.sourceRawKey() : bytesOf(record.key());
        byte[] value = context.sourceRawValue() != null ? context.sourceRawValue() : bytesOf(record.value());
        return Response.resume(List.of(DeadLetterRecords.record(dlqTopic, key, value, reason, detail, context)));
    }

    private static String reason(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return RejectReason.TOO_LARGE.code();
            }
        }
        return RejectReason.PROCESSING_ERROR.code();
    }

    /**
     * The bytes of a record Kafka Streams no longer holds the source of (a store write before it released
     * them): the value as JSON, else as text, so the dead letter still says what it was.
     */
    private static byte[] bytesOf(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (Exception e) {
            return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        }
    }
}
