package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.testsupport.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two newswire processes started together (streams and consumer, or two instances) both find the topics
 * missing and both create them: the one that loses the race must go on, not fail with "already exists".
 */
class TopicCreationRaceIT {

    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @Test
    void twoProcessesCreatingTheSameTopicsAtOnceShouldBothSucceed() throws Exception {
        Properties config = KAFKA.clientConfig();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (KafkaAdmin first = new KafkaAdmin(config); KafkaAdmin second = new KafkaAdmin(config);
             Admin check = Admin.create(config)) {
            for (int round = 0; round < 8; round++) {
                List<String> names = List.of("race-" + round + "-a", "race-" + round + "-b", "race-" + round + "-c");
                CountDownLatch go = new CountDownLatch(1);
                Callable<List<String>> one = () -> {
                    go.await();
                    return first.createMissingTopics(names, 1);
                };
                Callable<List<String>> other = () -> {
                    go.await();
                    return second.createMissingTopics(names, 1);
                };
                Future<List<String>> a = pool.submit(one);
                Future<List<String>> b = pool.submit(other);
                go.countDown();

                List<String> createdByA = a.get(60, TimeUnit.SECONDS);
                List<String> createdByB = b.get(60, TimeUnit.SECONDS);

                List<String> all = new ArrayList<>(createdByA);
                all.addAll(createdByB);
                assertThat(all).as("each topic created by exactly one of the two").containsExactlyInAnyOrderElementsOf(names);
                // A created topic reaches every broker's metadata a moment later: poll with a deadline.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        new HashSet<>(check.listTopics().names().get(30, TimeUnit.SECONDS))).containsAll(names));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
