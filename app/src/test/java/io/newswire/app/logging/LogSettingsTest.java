package io.newswire.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void shouldNameTheFileAfterTheCommandAndItsSource() {
        assertThat(LogSettings.from(new String[] {"produce", "rss", "https://x.example/feed"}, Map.of()))
                .isEqualTo(new LogSettings("produce-rss", "info", null));
        assertThat(LogSettings.from(new String[] {"streams", "--bootstrap-servers", "b:9092"}, Map.of()).command())
                .isEqualTo("streams");
        assertThat(LogSettings.from(new String[] {"--version"}, Map.of()).command()).isEqualTo("newswire");
    }

    @Test
    void flagsShouldWinOverTheEnvironment() {
        Map<String, String> env = Map.of(LogSettings.LEVEL_ENV, "warn", LogSettings.FILE_ENV, "/var/log/n.log");
        assertThat(LogSettings.from(new String[] {"consumer"}, env))
                .isEqualTo(new LogSettings("consumer", "warn", "/var/log/n.log"));
        LogSettings flags = LogSettings.from(new String[] {"consumer", "--log-level", "DEBUG", "--log-file=-"}, env);
        assertThat(flags).isEqualTo(new LogSettings("consumer", "debug", "-"));
        assertThat(flags.toStderr()).isTrue();
    }

    @Test
    void anUnknownLevelShouldFallBackToInfoHere() {
        // picocli rejects it with exit 2 right after; the logs only need a usable level until then.
        assertThat(LogSettings.from(new String[] {"demo", "--log-level", "loud"}, Map.of()).level()).isEqualTo("info");
    }
}
