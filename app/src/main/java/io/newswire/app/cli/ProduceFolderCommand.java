package io.newswire.app.cli;

import io.newswire.app.ops.Health;
import io.newswire.app.ops.OpsServer;
import io.newswire.common.Topics;
import io.newswire.producer.ArticlePublisher;
import io.newswire.producer.folder.FolderFileReader;
import io.newswire.producer.folder.FolderSource;
import io.newswire.producer.folder.ScanReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes files dropped into a folder, once each, then moves them to processed/ (or failed/). */
@Command(name = "folder", mixinStandardHelpOptions = true,
        description = "Watch a folder: publish each dropped .txt (seed format), .json (Article) or .html once.")
public final class ProduceFolderCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Parameters(paramLabel = "DIR", description = "the folder to watch (created if missing)")
    Path dir;

    @Option(names = "--quiet-ms", defaultValue = "1000", paramLabel = "MS",
            description = "a file is complete once not modified for this long (default ${DEFAULT-VALUE})")
    long quietMillis;

    @Option(names = "--once", description = "publish what is there now and exit (1 if a file failed)")
    boolean once;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir);
        }
        Files.createDirectories(dir);
        Properties config = kafka.reachableClientConfig(out);
        try (ArticlePublisher publisher = new ArticlePublisher(config, Topics.from(config).raw());
             FolderSource source = new FolderSource(dir, new FolderFileReader(Clock.systemUTC()), publisher,
                     Duration.ofMillis(quietMillis), Clock.systemUTC(), out::println)) {
            if (once) {
                return publishWhatIsThere(source, out);
            }
            StopSignal stop = StopSignal.onCtrlC();
            try (OpsServer ops = metrics.start()) {
                source.start(Duration.ofSeconds(1));
                ops.bind(publisher::clientMetrics).check("source", () -> Health.ready("watching " + dir));
                out.printf("watching %s (.txt, .json, .html); done files go to %s/, bad ones to %s/ — Ctrl-C to stop%n",
                        dir, FolderSource.PROCESSED, FolderSource.FAILED);
                stop.await();
            } finally {
                stop.done();
            }
        }
        return 0;
    }

    /** One scan, and more while files are still being written, for at most a few quiet periods. */
    private int publishWhatIsThere(FolderSource source, PrintStream out) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMillis(quietMillis).multipliedBy(3).plusSeconds(1).toNanos();
        int done = 0;
        int articles = 0;
        int failed = 0;
        ScanReport report;
        while (true) {
            report = source.scanOnce();
            done += report.filesDone();
            articles += report.articles();
            failed += report.filesFailed();
            if (report.filesWaiting() == 0 || System.nanoTime() > deadline) {
                break;
            }
            // A file written a moment ago is complete once the quiet period has passed: look again then.
            Thread.sleep(Math.max(100, quietMillis / 2));
        }
        out.printf("%d file(s) published (%d articles), %d failed, %d still being written%n",
                done, articles, failed, report.filesWaiting());
        return failed == 0 ? 0 : 1;
    }
}
