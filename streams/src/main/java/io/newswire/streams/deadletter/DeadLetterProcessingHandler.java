package io.newswire.streams.deadletter;

import io.newswire.common.Topics;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An article that a processor refuses ({@link InvalidArticleException}: missing text, too large, bad date,
 * too late) goes to the dead-letter topic with its reason and the original key and bytes of the source record
 * (KIP-1034 keeps them in the {@link ErrorHandlerContext}); the pipeline goes on.
 *
 * <p>Any other exception is a failure of newswire on that record, not of the input. It is dead-lettered too,
 * as {@code processing-error} and logged as an error: under exactly-once, failing would retry the same record
 * forever and stop every article behind it.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private String dlqTopic = Topics.DLQ;

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetterRecords.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        InvalidArticleException invalid = invalidArticle(exception);
        String reason;
        String detail;
        if (invalid != null) {
            reason = invalid.reason().code();
            detail = invalid.detail();
            LOG.warn("dead-lettering {}-{}@{} as {}: {}", context.topic(), context.partition(), context.offset(),
                    reason, detail);
        } else {
            reason = RejectReason.PROCESSING_ERROR.code();
            detail = exception.getClass().getSimpleName() + ": " + exception.getMessage();
            LOG.error("dead-lettering {}-{}@{} after a failure in {}", context.topic(), context.partition(),
                    context.offset(), context.processorNodeId(), exception);
        }
        return Response.resume(List.of(DeadLetterRecords.record(dlqTopic, context.sourceRawKey(),
                context.sourceRawValue(), reason, detail, context)));
    }

    private static InvalidArticleException invalidArticle(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidArticleException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
