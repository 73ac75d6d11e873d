package io.newswire.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.Topics;
import io.newswire.common.validation.InvalidArticleException;
import io.newswire.common.validation.RejectReason;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** Invalid articles are refused before they reach Kafka: no broker is needed to see it. */
class ArticlePublisherValidationTest {

    @Test
    void shouldRejectAnInvalidArticleAtTheEdgeWithItsReasonAndCountIt() {
        Properties config = new Properties();
        config.setProperty("bootstrap.servers", "127.0.0.1:1"); // never contacted
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.defaults().raw())) {
            Article noText = new Article(1, "a", "stdin", null, " ", null, null, Instant.now(), "en");
            Article future = new Article(1, "b", "stdin", null, "t", "b", Instant.now().plusSeconds(7 * 86_400),
                    Instant.now(), "en");

            CompletableFuture<RecordMetadata> first = publisher.publish(noText);
            CompletableFuture<RecordMetadata> second = publisher.publish(future);

            assertThat(first).isCompletedExceptionally();
            assertThat(errorOf(first)).isInstanceOfSatisfying(InvalidArticleException.class,
                    e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_TEXT));
            assertThat(errorOf(second)).isInstanceOfSatisfying(InvalidArticleException.class,
                    e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE));
            assertThat(publisher.rejected()).isEqualTo(2);
            assertThat(publisher.acknowledged() + publisher.failed()).isZero();
        }
    }

    private static Throwable errorOf(CompletableFuture<RecordMetadata> future) {
        return future.handle((metadata, error) -> error).join();
    }
}
