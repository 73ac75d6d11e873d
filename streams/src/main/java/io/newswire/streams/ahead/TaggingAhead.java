package io.newswire.streams.ahead;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.streams.tagging.Tagger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Tags raw articles on worker threads as soon as a Streams thread has polled them, so that the Streams thread
 * finds their tags ready when it processes them: tagging, the costliest step, runs on the cores the Streams
 * thread leaves idle, without a second Streams thread (each of which adds a transactional producer and its
 * commits).
 *
 * <p>Exactly-once is untouched: the tags are a pure function of the record's bytes, made by the same
 * deserializer and tagger the Streams thread would use; every store, output and offset is still written by
 * the Streams thread, in its transaction. The Streams thread uses tags made ahead only for the same partition
 * and offset and the same text (title, body and language); anything else (a record not tagged ahead, a worker that
 * failed, a lookahead full) it tags itself, exactly as without this class.
 *
 * <p>One {@link AheadConsumer} per Streams thread hands over what it polls; the lookahead is bounded by
 * {@code maxPending} articles per thread (records beyond it are tagged by the Streams thread as before).
 */
public final class TaggingAhead implements AutoCloseable {

    /** Articles whose tags a worker made ahead. */
    private static final Counter AHEAD = Counter.builder("newswire.articles.tagged.ahead")
            .description("articles tagged by a tagging thread ahead of the Streams thread").register(Metrics.globalRegistry);
    /** Articles the Streams thread tagged itself: the workers were behind, or the article was not handed over. */
    private static final Counter ON_STREAMS_THREAD = Counter.builder("newswire.articles.tagged.inline")
            .description("articles tagged by the Streams thread itself (the tagging threads were behind)")
            .register(Metrics.globalRegistry);

    private final String rawTopic;
    private final Deserializer<Article> deserializer;
    private final Tagger tagger;
    private final int maxPending;
    private final ExecutorService workers;
    /** The pending articles of the consumer of the Streams thread that calls: it polls what it processes. */
    private final ThreadLocal<Pending> pendingOfThread = new ThreadLocal<>();
    private final LongAdder taggedAhead = new LongAdder();
    private final LongAdder taggedInline = new LongAdder();

    /**
     * @param threads worker threads (at least 1)
     * @param maxPending articles tagged ahead and not yet processed, at most, per Streams thread
     */
    public TaggingAhead(String rawTopic, Deserializer<Article> deserializer, Tagger tagger, int threads,
                        int maxPending) {
        if (threads < 1) {
            throw new IllegalArgumentException("tagging threads must be at least 1, not " + threads);
        }
        this.rawTopic = Objects.requireNonNull(rawTopic);
        this.deserializer = Objects.requireNonNull(deserializer);
        this.tagger = Objects.requireNonNull(tagger);
        this.maxPending = maxPending;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "newswire-tagging-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                // After close (Kafka Streams stopping slower than its timeout): the Streams thread runs the task.
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** The topic whose records are tagged ahead. */
    String rawTopic() {
        return rawTopic;
    }

    /** A new pending list, for one consumer (one Streams thread). */
    Pending newPending() {
        return new Pending();
    }

    /** Called by the consumer on its Streams thread right after each poll. */
    void polled(Pending pending, ConsumerRecords<byte[], byte[]> records, Set<Integer> assigned) {
        pendingOfThread.set(pending);
        pending.keepOnly(assigned);
        List<Handed> handed = new ArrayList<>();
        Thread streamsThread = Thread.currentThread();
        for (ConsumerRecord<byte[], byte[]> record : records.records(rawTopic)) {
            if (pending.size >= maxPending) {
                break;
            }
            FutureTask<Prepared> task = new FutureTask<>(() -> prepare(record, streamsThread));
            pending.add(record.partition(), record.offset(), task);
            handed.add(new Handed(record.timestamp(), task));
        }
        // Kafka Streams processes the partitions' records interleaved, the earliest timestamp first; a poll
        // returns them partition after partition. Tagged in the order they will be asked for, they are ready
        // when asked instead of the Streams thread tagging one partition's while workers do another's.
        handed.sort(Comparator.comparingLong(Handed::timestamp));
        handed.forEach(each -> {
            pending.handed(each.task());
            workers.execute(each.task());
        });
    }

    /**
     * The tags of {@code article}, the value of the record being processed: made ahead when they were, else
     * made now on this thread.
     */
    public Tags tags(Optional<RecordMetadata> source, Article article) {
        Pending pending = pendingOfThread.get();
        if (pending != null && source.isPresent() && rawTopic.equals(source.get().topic())) {
            FutureTask<Prepared> task = pending.take(source.get().partition(), source.get().offset());
            if (task != null) {
                // Runs it here if no worker has started it yet. If one has, this thread tags the articles after
                // it that no worker has started, instead of idling: they are asked for next.
                task.run();
                pending.runNextUntilDone(task);
                try {
                    Prepared prepared = task.get();
                    if (prepared != null && prepared.textHash() == textHash(article)) {
                        counted(prepared.byWorker());
                        return prepared.tags();
                    }
                } catch (ExecutionException e) {
                    // Thrown here, where Kafka Streams handles it, as if this thread had tagged the article: an
                    // exception dead-letters the record, an Error takes the thread down.
                    if (e.getCause() instanceof RuntimeException exception) {
                        throw exception;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                } catch (InterruptedException e) {
                    // Not a fault of the article (which would be dead-lettered): tagged here, the flag kept for
                    // whoever interrupted.
                    Thread.currentThread().interrupt();
                }
            }
        }
        counted(false);
        return tagger.tag(article);
    }

    private void counted(boolean byWorker) {
        (byWorker ? AHEAD : ON_STREAMS_THREAD).increment();
        (byWorker ? taggedAhead : taggedInline).increment();
    }

    /** How many of the articles this instance's Streams threads asked for were tagged ahead, and how many inline. */
    public Counts counts() {
        return new Counts(taggedAhead.sum(), taggedInline.sum());
    }

    /** @param ahead articles whose tags a worker made @param inline articles the Streams thread tagged itself */
    public record Counts(long ahead, long inline) {
    }

    private Prepared prepare(ConsumerRecord<byte[], byte[]> record, Thread streamsThread) {
        Article article;
        try {
            article = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            // The Streams thread dead-letters it; nothing to tag.
            return null;
        }
        return new Prepared(textHash(article), tagger.tag(article), Thread.currentThread() != streamsThread);
    }

    /**
     * A hash of what the tagger reads of an article. The record at a partition and offset never changes, so
     * this only guards against a step between reading and tagging that changes the text: the article itself
     * is not kept (the lookahead holds tags only, a KB or two each).
     */
    private static int textHash(Article article) {
        return Objects.hash(article.title(), article.body(), article.language());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private record Handed(long timestamp, FutureTask<Prepared> task) {
    }

    /** @param byWorker false when the Streams thread got to it first */
    private record Prepared(int textHash, Tags tags, boolean byWorker) {
    }

    /** The articles one consumer polled and handed over, by partition in offset order. Its Streams thread's only. */
    static final class Pending {

        private record Ahead(long offset, FutureTask<Prepared> task) {
        }

        private final Map<Integer, ArrayDeque<Ahead>> byPartition = new HashMap<>();
        /** Every task handed to the workers, in the order they run them; the ones done are dropped from its head. */
        private final ArrayDeque<FutureTask<Prepared>> handedOrder = new ArrayDeque<>();
        private int size;

        void handed(FutureTask<Prepared> task) {
            while (!handedOrder.isEmpty() && handedOrder.peekFirst().isDone()) {
                handedOrder.pollFirst();
            }
            handedOrder.addLast(task);
        }

        /**
         * Runs the tasks next in the workers' order on this thread until {@code awaited} is done or none is left.
         * A task a worker has started, finished or that was cancelled does nothing when run.
         */
        void runNextUntilDone(FutureTask<Prepared> awaited) {
            while (!awaited.isDone()) {
                FutureTask<Prepared> next = handedOrder.pollFirst();
                if (next == null) {
                    return;
                }
                next.run();
            }
        }

        void add(int partition, long offset, FutureTask<Prepared> task) {
            ArrayDeque<Ahead> queue = byPartition.computeIfAbsent(partition, p -> new ArrayDeque<>());
            if (!queue.isEmpty() && queue.peekLast().offset() >= offset) {
                // Polled again from an earlier offset (a rebalance, a reset): what is queued is stale.
                drop(queue);
            }
            queue.addLast(new Ahead(offset, task));
            size++;
        }

        /** The task for this offset, dropping the ones before it (records that were never processed). */
        FutureTask<Prepared> take(int partition, long offset) {
            ArrayDeque<Ahead> queue = byPartition.get(partition);
            while (queue != null && !queue.isEmpty() && queue.peekFirst().offset() <= offset) {
                Ahead ahead = queue.pollFirst();
                size--;
                if (ahead.offset() == offset) {
                    return ahead.task();
                }
                ahead.task().cancel(false);
            }
            return null;
        }

        /** Articles handed over and not yet taken. */
        int size() {
            return size;
        }

        /** Forgets the partitions this consumer no longer reads. */
        void keepOnly(Set<Integer> assigned) {
            byPartition.entrySet().removeIf(entry -> {
                if (assigned.contains(entry.getKey())) {
                    return false;
                }
                drop(entry.getValue());
                return true;
            });
        }

        private void drop(ArrayDeque<Ahead> queue) {
            queue.forEach(ahead -> ahead.task().cancel(false));
            size -= queue.size();
            queue.clear();
        }
    }
}
