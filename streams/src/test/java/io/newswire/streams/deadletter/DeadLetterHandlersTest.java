package io.newswire.streams.deadletter;

import io.newswire.common.DeadLetterHeaders;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** Both handlers resume and answer with one dead letter: the original key and bytes plus the DESIGN.md headers. */
class DeadLetterHandlersTest {

    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {'{', (byte) 0xff, '}'};

    @Test
    void deserializationHandlerShouldDeadLetterWithTheDeserializersReason() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "my.dlq"));

        DeserializationExceptionHandler.Response response = handler.handleError(context(), new ConsumerRecord<>(
                "news.articles.raw", 2, 41L, KEY, VALUE), new InvalidArticleException(RejectReason.NOT_UTF8, "byte 0xff"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertDeadLetter(response.deadLetterQueueRecords().get(0), "not-utf8", "byte 0xff");
    }

    @Test
    void deserializationHandlerShouldCallAnyOtherFailureMalformedJson() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "my.dlq"));

        DeserializationExceptionHandler.Response response = handler.handleError(context(), new ConsumerRecord<>(
                "news.articles.raw", 2, 41L, KEY, VALUE), new IllegalStateException("boom"));

        assertDeadLetter(response.deadLetterQueueRecords().get(0), "malformed-json", "boom");
    }

    @Test
    void processingHandlerShouldDeadLetterTheSourceBytesWithTheReason() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "my.dlq"));

        ProcessingExceptionHandler.Response response = handler.handleError(context(), new Record<>("k", "parsed", 0L),
                new InvalidArticleException(RejectReason.TOO_LATE, "dated 2024-01-01"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertDeadLetter(response.deadLetterQueueRecords().get(0), "too-late", "dated 2024-01-01");
    }

    @Test
    void processingHandlerShouldDeadLetterAnUnexpectedFailureAsProcessingError() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "my.dlq"));

        ProcessingExceptionHandler.Response response = handler.handleError(context(), new Record<>("k", "parsed", 0L),
                new NullPointerException("tagger bug"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertDeadLetter(response.deadLetterQueueRecords().get(0), "processing-error", "NullPointerException: tagger bug");
    }

    private static void assertDeadLetter(ProducerRecord<byte[], byte[]> letter, String reason, String detail) {
        assertThat(letter.topic()).isEqualTo("my.dlq");
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(header(letter, DeadLetterHeaders.ERROR)).isEqualTo(reason);
        assertThat(header(letter, DeadLetterHeaders.DETAIL)).isEqualTo(detail);
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.articles.raw");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("41");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "news.articles.raw";
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 41L;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "validate-and-check-lateness";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 2);
            }

            @Override
            public long timestamp() {
                return 0L;
            }

            @Override
            public byte[] sourceRawKey() {
                return KEY;
            }

            @Override
            public byte[] sourceRawValue() {
                return VALUE;
            }
        };
    }
}
