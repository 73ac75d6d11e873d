package io.newswire.app.cli;

import io.newswire.app.ops.Health;
import io.newswire.app.ops.OpsServer;
import io.newswire.common.Topics;
import io.newswire.common.http.RequestGuard;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.http.HttpSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code POST /articles}: articles pushed over HTTP, answered 202 once Kafka acknowledged them. */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "Accept POST /articles (one Article or a JSON array); 202 once Kafka acknowledged.")
public final class ProduceHttpCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--http-host", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--http-port", defaultValue = "" + HttpSource.DEFAULT_PORT,
            description = "port to listen on (default ${DEFAULT-VALUE}; the dashboard uses 8080)")
    int port;

    @Option(names = "--max-bytes", defaultValue = "" + HttpSource.DEFAULT_MAX_BYTES,
            description = "largest request body accepted, larger ones get 413 (default ${DEFAULT-VALUE})")
    long maxBytes;

    @Option(names = "--http-token", paramLabel = "TOKEN", description = "token every request must carry when bound"
            + " to an address other than loopback (default: $NEWSWIRE_HTTP_TOKEN, else a random one, printed)")
    String httpToken;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Properties config = kafka.reachableClientConfig(out);
        StopSignal stop = StopSignal.onCtrlC();
        try (OpsServer ops = metrics.start(); ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw());
             HttpSource source = new HttpSource(publisher, maxBytes, Clock.systemUTC(), out::println,
                     RequestGuard.token(httpToken))) {
            source.start(host, port);
            ops.bind(publisher::clientMetrics).check("source", () -> Health.ready("accepting POST /articles"));
            out.printf("accepting POST http://%s:%d/articles — Ctrl-C to stop%n", host, source.port());
            stop.await();
        } finally {
            stop.done();
        }
        return 0;
    }
}
