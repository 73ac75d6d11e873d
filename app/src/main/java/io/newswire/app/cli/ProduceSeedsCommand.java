package io.newswire.app.cli;

import io.newswire.app.AppPaths;
import io.newswire.common.Article;
import io.newswire.common.Topics;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.SeedReplay;
import io.newswire.producer.seeds.SeedParser;
import io.newswire.producer.seeds.SeedReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Replays a folder of seed texts. */
@Command(name = "seeds", mixinStandardHelpOptions = true, description = "Replay the seed corpus (default: seeds/).")
public final class ProduceSeedsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "seed folder (default: seeds/)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        List<Article> articles = new SeedReader(new SeedParser(Clock.systemUTC()))
                .read(dir != null ? dir : AppPaths.seedsDir());
        Properties config = kafka.reachableClientConfig(System.out);
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw())) {
            SeedReplay.Result result = new SeedReplay(publisher, System.out).replay(articles);
            if (!result.ok()) {
                System.err.printf("%d of %d articles were not accepted by Kafka: %s%n", result.failed(),
                        articles.size(), result.firstError());
                return 1;
            }
        }
        return 0;
    }
}
