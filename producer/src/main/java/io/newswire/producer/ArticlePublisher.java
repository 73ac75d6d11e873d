package io.newswire.producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newswire.common.Article;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topic;
import io.newswire.common.TopicSettings;
import io.newswire.common.validation.ArticleValidator;
import io.newswire.common.validation.InvalidArticleException;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one way articles enter Kafka: an idempotent producer with {@code acks=all}, keyed by article id,
 * writing {@code news.articles.raw}. Every source goes through it, so every source rejects invalid articles
 * ({@link ArticleValidator}: no id, no text, a body over the cap, an impossible date) here, at its edge, with
 * the reason and a count, instead of sending them on to the dead-letter topic.
 */
public final class ArticlePublisher implements ArticleOutput, AutoCloseable {

    private final KafkaProducer<String, Article> producer;
    private final Topic<String, Article> topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final ArticleValidator validator;
    private final Counter articlesIn;

    public ArticlePublisher(Properties clientConfig, Topic<String, Article> topic) {
        this(clientConfig, topic, ArticleValidator.withDefaults());
    }

    public ArticlePublisher(Properties clientConfig, Topic<String, Article> topic, ArticleValidator validator) {
        this.topic = topic;
        this.validator = validator;
        this.articlesIn = Counter.builder("newswire.articles.in").tag("topic", topic.name())
                .description("articles Kafka acknowledged on the raw topic from this process")
                .register(Metrics.globalRegistry);
        this.producer = new KafkaProducer<>(producerConfig(clientConfig),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** The client config with the publisher's settings; the bench's raw-producer baseline uses the same. */
    public static Properties producerConfig(Properties clientConfig) {
        Properties props = KafkaClientConfig.copy(clientConfig);
        // No loss and no duplicates from retries: the broker de-duplicates the producer's retries.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Articles are kilobytes of prose: lz4 halves them at little CPU cost, and a short linger fills batches
        // during a replay without adding noticeable latency to a live article.
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
        // Fail a send within half a minute instead of the default two minutes, so a dead cluster is reported.
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswire-producer");
        // A body may be up to the cap (1 MiB) plus its JSON: above Kafka's 1 MiB default request size.
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(TopicSettings.MAX_MESSAGE_BYTES));
        return props;
    }

    /**
     * Sends one article; the future completes when Kafka acknowledged it (or failed for good). An invalid
     * article is not sent: the future fails at once with an {@link InvalidArticleException} naming the reason.
     */
    @Override
    public CompletableFuture<RecordMetadata> publish(Article article) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        Optional<InvalidArticleException> problem = validator.problem(article, Instant.now());
        if (problem.isPresent()) {
            rejected.incrementAndGet();
            result.completeExceptionally(problem.get());
            return result;
        }
        producer.send(new ProducerRecord<>(topic.name(), article.id(), article), (metadata, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
                articlesIn.increment();
                result.complete(metadata);
            } else {
                failed.incrementAndGet();
                result.completeExceptionally(error);
            }
        });
        return result;
    }

    /** The producer's own metrics (kafka_producer_*), for a registry that serves them; close it before this. */
    public MeterBinder clientMetrics() {
        return new KafkaClientMetrics(producer);
    }

    /** Blocks until every article sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Articles refused at the edge by the validator, never sent. */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
