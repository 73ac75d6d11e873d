package io.newswire.consumer.sink;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The sink contract on SQLite, the default sink: a fresh file per test. */
class SqliteSinkTest extends JdbcSinkContract {

    @TempDir
    Path dir;

    @Override
    protected String sinkUrl() {
        return dir.resolve("sink.db").toString();
    }

    @Override
    protected String unopenableUrl() {
        return "/proc/newswire/forbidden.db?password=s3cret";
    }
}
