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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Server-Sent Events to the open pages: after each sink commit, one {@code sink} event naming the topics,
 * days and articles that changed, so a page refreshes what it shows within a second of the write.
 * Sending happens on a thread of its own: a slow browser never holds up the sink consumer.
 */
final class LiveUpdates implements AutoCloseable {

    /** Open pages at most; beyond that a new stream is closed at once (the page then polls less often). */
    static final int MAX_CLIENTS = 64;
    private static final long HEARTBEAT_SECONDS = 15;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("newswire-dashboard-sse"));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(daemon("newswire-dashboard-heartbeat"));
    private final Clock clock;

    LiveUpdates(Clock clock) {
        this.clock = clock;
        // A comment line now and then finds closed connections and keeps proxies from timing the stream out.
        heartbeat.scheduleAtFixedRate(() -> sender.execute(() -> send(client -> client.sendComment("heartbeat"))),
                HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    void connect(SseClient client) {
        if (clients.size() >= MAX_CLIENTS) {
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{\"at\":\"" + clock.instant() + "\"}");
    }

    /** The consumer's {@code afterWrite}: tells every open page what the batch changed. */
    void publish(SinkBatch batch) {
        if (clients.isEmpty()) {
            return;
        }
        String json = eventJson(batch);
        try {
            sender.execute(() -> send(client -> client.sendEvent("sink", json)));
        } catch (RejectedExecutionException e) {
            // Closing: the pages are going away too.
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

    private void send(Consumer<SseClient> message) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
                continue;
            }
            try {
                message.accept(client);
            } catch (RuntimeException e) {
                // The browser went away mid-write; forget it.
                clients.remove(client);
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
        sender.shutdownNow();
        clients.forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // Already gone.
            }
        });
        clients.clear();
    }
}
