package io.newswire.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.sse.SseClient;
import io.newswire.common.Json;
import io.newswire.common.TaggedArticle;
import io.newswire.common.TopicDaySummary;
import io.newswire.consumer.sink.SinkBatch;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Server-Sent Events to the open pages: after each sink commit, one {@code sink} event naming the topics,
 * days and articles that changed, so a page refreshes what it shows within a second of the write.
 *
 * <p>Each page has a bounded queue of events and a sender thread of its own: a page that stops reading
 * blocks only its own sender, its queue fills, and it is dropped (the browser reconnects when it reads
 * again); the other pages keep their updates and the sink consumer is never held up.
 */
final class LiveUpdates implements AutoCloseable {

    /** Open pages at most; beyond that a new stream is closed at once (the page then polls less often). */
    static final int MAX_CLIENTS = 64;
    /** Events waiting for one page; a page this far behind is not reading and is dropped. */
    static final int MAX_PENDING_EVENTS = 32;
    private static final long HEARTBEAT_SECONDS = 15;

    private final Map<SseClient, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newCachedThreadPool(daemon("newswire-dashboard-sse"));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(daemon("newswire-dashboard-heartbeat"));
    private final AtomicLong dropped = new AtomicLong();
    private final Clock clock;

    LiveUpdates(Clock clock) {
        this.clock = clock;
        // A comment line now and then finds closed connections and keeps proxies from timing the stream out.
        heartbeat.scheduleAtFixedRate(() -> offerAll(client -> client.sendComment("heartbeat")),
                HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    void connect(SseClient client) {
        if (channels.size() >= MAX_CLIENTS) {
            client.close();
            return;
        }
        client.keepAlive();
        Channel channel = new Channel(client);
        client.onClose(() -> channels.remove(client));
        channels.put(client, channel);
        String hello = "{\"at\":\"" + clock.instant() + "\"}";
        channel.offer(c -> c.sendEvent("hello", hello));
        try {
            senders.execute(channel);
        } catch (RejectedExecutionException e) {
            // Closing: the page goes away too.
            drop(channel, false);
        }
    }

    /** The consumer's {@code afterWrite}: tells every open page what the batch changed. */
    void publish(SinkBatch batch) {
        if (channels.isEmpty()) {
            return;
        }
        String json = eventJson(batch);
        offerAll(client -> client.sendEvent("sink", json));
    }

    /** Pages open now. */
    int clientCount() {
        return channels.size();
    }

    /** Pages dropped because they did not read their events. */
    long droppedClients() {
        return dropped.get();
    }

    private void offerAll(Consumer<SseClient> message) {
        for (Channel channel : channels.values()) {
            if (!channel.offer(message)) {
                drop(channel, true);
            }
        }
    }

    private void drop(Channel channel, boolean slow) {
        if (channels.remove(channel.client) == null) {
            return;
        }
        if (slow) {
            dropped.incrementAndGet();
        }
        channel.open = false;
        try {
            channel.client.close();
        } catch (RuntimeException ignored) {
            // Already gone.
        }
    }

    private String eventJson(SinkBatch batch) {
        List<Map<String, Object>> summaries = batch.summaries().stream()
                .map((TopicDaySummary s) -> Map.<String, Object>of("topic", s.topic(), "day", s.day(),
                        "articleCount", s.articleCount()))
                .toList();
        List<String> articles = batch.articles().stream().map(TaggedArticle::id).toList();
        try {
            return Json.mapper().writeValueAsString(Map.of("at", clock.instant().toString(),
                    "summaries", summaries, "articles", articles));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers are always serialisable", e);
        }
    }

    /** One page: its queue of events and the loop (on a sender thread of its own) that writes them. */
    private final class Channel implements Runnable {

        private final SseClient client;
        private final BlockingQueue<Consumer<SseClient>> pending = new ArrayBlockingQueue<>(MAX_PENDING_EVENTS);
        private volatile boolean open = true;

        Channel(SseClient client) {
            this.client = client;
        }

        boolean offer(Consumer<SseClient> message) {
            return !open || pending.offer(message);
        }

        @Override
        public void run() {
            try {
                while (open && !client.terminated()) {
                    Consumer<SseClient> message = pending.poll(1, TimeUnit.SECONDS);
                    if (message != null) {
                        message.accept(client);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The browser went away mid-write.
            } finally {
                drop(this, false);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        channels.values().forEach(channel -> drop(channel, false));
        senders.shutdownNow();
    }
}
