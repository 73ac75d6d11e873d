package io.newswire.streams.ahead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.Tags;
import io.newswire.streams.IntegritySettings;
import io.newswire.streams.NewsTopology;
import io.newswire.streams.tagging.Tagger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaggingAheadTest {

    private static final String RAW = "news.articles.raw";

    private final CountDownLatch release = new CountDownLatch(1);
    /** One permit per article a worker has started to tag: from then on the Streams thread can only wait for it. */
    private final Semaphore workerStarts = new Semaphore(0);
    private final List<String> workerOrder = new CopyOnWriteArrayList<>();
    /** Tags each article with its title and the name of the thread that tagged it. */
    private final Tagger threadNaming = article -> {
        if (Thread.currentThread().getName().startsWith("newswire-tagging-")) {
            workerOrder.add(article.title());
            workerStarts.release();
        }
        if ("refused".equals(article.title())) {
            throw new IllegalArgumentException("cannot tag " + article.title());
        }
        if ("fatal".equals(article.title())) {
            throw new AssertionError("fatal while tagging");
        }
        if ("releases".equals(article.title())) {
            release.countDown();
        }
        if ("hold".equals(article.title())) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Tags(List.of(), List.of(), List.of(article.title(), Thread.currentThread().getName()), List.of(), null);
    };
    private final List<TaggingAhead> opened = new ArrayList<>();

    @AfterEach
    void close() {
        release.countDown();
        opened.forEach(TaggingAhead::close);
    }

    @Test
    void tagsArticlesOnAWorkerAheadOfTheStreamsThread() {
        TaggingAhead ahead = ahead(1, 100);
        TaggingAhead.Pending pending = ahead.newPending();
        ahead.polled(pending, records(0, article("one"), article("two")), Set.of(0));
        awaitWorkerStarts(2);

        assertThat(ahead.tags(at(0, 0), article("one")).keyphrases()).containsExactly("one", "newswire-tagging-1");
        assertThat(ahead.tags(at(0, 1), article("two")).keyphrases()).containsExactly("two", "newswire-tagging-1");
        assertThat(pending.size()).isZero();
    }

    @Test
    void tagsInTheOrderKafkaStreamsWillAskTheEarliestTimestampFirst() {
        TaggingAhead ahead = ahead(1, 100);
        TopicPartition p0 = new TopicPartition(RAW, 0);
        TopicPartition p1 = new TopicPartition(RAW, 1);
        // A poll returns partition after partition; Kafka Streams interleaves them by timestamp.
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(Map.of(
                p0, List.of(record(0, 0, 10, article("first")), record(0, 1, 30, article("third"))),
                p1, List.of(record(1, 0, 20, article("second")), record(1, 1, 40, article("fourth")))), Map.of());
        ahead.polled(ahead.newPending(), polled, Set.of(0, 1));
        awaitWorkerStarts(4);

        assertThat(workerOrder).containsExactly("first", "second", "third", "fourth");
    }

    @Test
    void theStreamsThreadTagsWhatNoWorkerHasStarted() {
        TaggingAhead ahead = ahead(1, 100);
        TaggingAhead.Pending pending = ahead.newPending();
        // The only worker is held by partition 0's article, so partition 1's waits in the queue.
        ahead.polled(pending, records(0, article("hold")), Set.of(0, 1));
        awaitWorkerStarts(1);
        ahead.polled(pending, records(1, article("next")), Set.of(0, 1));

        assertThat(ahead.tags(at(1, 0), article("next")).keyphrases())
                .containsExactly("next", Thread.currentThread().getName());
        release.countDown();
        assertThat(ahead.tags(at(0, 0), article("hold")).keyphrases()).containsExactly("hold", "newswire-tagging-1");
    }

    @Test
    void whileAWorkerTagsTheArticleAskedForTheStreamsThreadTagsTheNextOnesInsteadOfWaiting() {
        TaggingAhead ahead = ahead(1, 100);
        TaggingAhead.Pending pending = ahead.newPending();
        ahead.polled(pending, records(0, article("hold"), article("releases")), Set.of(0));
        awaitWorkerStarts(1);

        // The worker holds "hold" until "releases" is tagged: only the Streams thread can tag it, and only by not
        // waiting for "hold" (which would time out after 10 s, and "releases" would then be the worker's).
        assertThat(ahead.tags(at(0, 0), article("hold")).keyphrases()).containsExactly("hold", "newswire-tagging-1");
        assertThat(ahead.tags(at(0, 1), article("releases")).keyphrases())
                .containsExactly("releases", Thread.currentThread().getName());
        assertThat(ahead.counts()).isEqualTo(new TaggingAhead.Counts(1, 1));
    }

    @Test
    void whatAWorkerThrowsIsThrownOnTheStreamsThreadAsIfItHadTagged() {
        TaggingAhead ahead = ahead(1, 100);
        ahead.polled(ahead.newPending(), records(0, article("refused"), article("fatal")), Set.of(0));
        awaitWorkerStarts(2);

        // An exception: Kafka Streams' processing handler dead-letters the record; an Error takes the thread down.
        assertThatThrownBy(() -> ahead.tags(at(0, 0), article("refused")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot tag refused");
        assertThatThrownBy(() -> ahead.tags(at(0, 1), article("fatal")))
                .isInstanceOf(AssertionError.class).hasMessage("fatal while tagging");
    }

    @Test
    void anArticleWithAnotherTextThanTheRecordIsTaggedAgain() {
        TaggingAhead ahead = ahead(1, 100);
        ahead.polled(ahead.newPending(), records(0, article("polled")), Set.of(0));

        assertThat(ahead.tags(at(0, 0), article("changed")).keyphrases())
                .containsExactly("changed", Thread.currentThread().getName());
    }

    @Test
    void recordsOfOtherTopicsAndUnreadableOnesAreLeftToTheStreamsThread() {
        TaggingAhead ahead = ahead(1, 100);
        TaggingAhead.Pending pending = ahead.newPending();
        TopicPartition partition = new TopicPartition(RAW, 0);
        ConsumerRecords<byte[], byte[]> unreadable = new ConsumerRecords<>(Map.of(partition,
                List.of(new ConsumerRecord<>(RAW, 0, 0, null, "not json".getBytes()))), Map.of());
        ahead.polled(pending, unreadable, Set.of(0));

        assertThat(ahead.tags(at(0, 0), article("fixed")).keyphrases())
                .containsExactly("fixed", Thread.currentThread().getName());
        assertThat(ahead.tags(Optional.of(metadata("other-topic", 0, 0)), article("other")).keyphrases())
                .containsExactly("other", Thread.currentThread().getName());
        assertThat(ahead.tags(Optional.empty(), article("punctuated")).keyphrases())
                .containsExactly("punctuated", Thread.currentThread().getName());
    }

    @Test
    void skippedOffsetsRepollsAndUnassignedPartitionsAreDropped() {
        TaggingAhead ahead = ahead(1, 100);
        TaggingAhead.Pending pending = ahead.newPending();
        ahead.polled(pending, records(0, article("a"), article("b"), article("c")), Set.of(0));
        assertThat(pending.size()).isEqualTo(3);
        awaitWorkerStarts(3);

        // Offsets 0 and 1 were dead-lettered before tagging: taking offset 2 drops them.
        assertThat(ahead.tags(at(0, 2), article("c")).keyphrases()).containsExactly("c", "newswire-tagging-1");
        assertThat(pending.size()).isZero();

        ahead.polled(pending, records(0, article("a"), article("b")), Set.of(0));
        // The same partition polled again from an earlier offset (a rebalance): the queued ones are stale.
        ahead.polled(pending, records(0, article("a")), Set.of(0));
        assertThat(pending.size()).isEqualTo(1);

        ahead.polled(pending, records(1, article("x")), Set.of(1));
        assertThat(pending.size()).as("partition 0 is no longer assigned").isEqualTo(1);
    }

    @Test
    void handsOverAtMostMaxPendingArticles() {
        TaggingAhead ahead = ahead(1, 2);
        TaggingAhead.Pending pending = ahead.newPending();
        ahead.polled(pending, records(0, article("a"), article("b"), article("c")), Set.of(0));

        assertThat(pending.size()).isEqualTo(2);
        assertThat(ahead.tags(at(0, 2), article("c")).keyphrases())
                .containsExactly("c", Thread.currentThread().getName());
    }

    @Test
    void needsAWorker() {
        assertThatThrownBy(() -> new TaggingAhead(RAW, NewsTopology.rawDeserializer(IntegritySettings.defaults()),
                threadNaming, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private void awaitWorkerStarts(int articles) {
        try {
            assertThat(workerStarts.tryAcquire(articles, 10, TimeUnit.SECONDS)).as("a worker started tagging").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private TaggingAhead ahead(int threads, int maxPending) {
        TaggingAhead ahead = new TaggingAhead(RAW, NewsTopology.rawDeserializer(IntegritySettings.defaults()),
                threadNaming, threads, maxPending);
        opened.add(ahead);
        return ahead;
    }

    private static Article article(String title) {
        return Article.create("seed", null, title, "The body of " + title + ".", Instant.parse("2026-11-02T10:00:00Z"),
                Instant.parse("2026-11-02T10:05:00Z"), "en");
    }

    /** The articles as the raw topic's records, from offset 0 of the partition. */
    private static ConsumerRecords<byte[], byte[]> records(int partition, Article... articles) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < articles.length; i++) {
            try {
                records.add(new ConsumerRecord<>(RAW, partition, i, null, Json.mapper().writeValueAsBytes(articles[i])));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(RAW, partition), records), Map.of());
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, long timestamp, Article article) {
        try {
            return new ConsumerRecord<>(RAW, partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0, null,
                    Json.mapper().writeValueAsBytes(article), new RecordHeaders(), Optional.empty());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<RecordMetadata> at(int partition, long offset) {
        return Optional.of(metadata(RAW, partition, offset));
    }

    private static RecordMetadata metadata(String topic, int partition, long offset) {
        return new RecordMetadata() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }
}
