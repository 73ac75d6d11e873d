package io.newswire.app.cli;

import io.newswire.common.Topics;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.stdin.StdinSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** JSON lines of {@code Article} on stdin; bad lines are reported with their number and skipped. */
@Command(name = "stdin", mixinStandardHelpOptions = true,
        description = "Publish JSON lines of Article read from stdin; exit 1 if any line was bad.")
public final class ProduceStdinCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Properties config = kafka.reachableClientConfig(System.err);
        StdinSource.Result result;
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            result = new StdinSource(publisher, Clock.systemUTC()).run(in, System.err);
        }
        System.out.printf("published %d article%s, %d bad line%s%s%n", result.published(),
                result.published() == 1 ? "" : "s", result.badLines(), result.badLines() == 1 ? "" : "s",
                result.notAcknowledged() == 0 ? "" : ", " + result.notAcknowledged() + " not acknowledged by Kafka");
        return result.ok() ? 0 : 1;
    }
}
