package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Kafka is: flag, then the file's bootstrap.servers, then the environment, then the default. */
class KafkaClientConfigTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void theFlagShouldWinOverEverything() throws IOException {
        Path file = file("bootstrap.servers=file:1\nsecurity.protocol=SASL_SSL\n");
        var config = KafkaClientConfig.load("flag:1", file, "env:1");
        assertThat(KafkaClientConfig.bootstrapServers(config)).isEqualTo("flag:1");
        assertThat(config.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    }

    @Test
    void theFileShouldWinOverTheEnvironmentAndTheDefault() throws IOException {
        Path file = file("bootstrap.servers=file:1\n");
        assertThat(KafkaClientConfig.bootstrapServers(KafkaClientConfig.load(null, file, "env:1"))).isEqualTo("file:1");
        assertThat(KafkaClientConfig.bootstrapServers(KafkaClientConfig.load("  ", file, null))).isEqualTo("file:1");
    }

    @Test
    void theEnvironmentShouldWinOverTheDefaultWhenTheFileSaysNothing() throws IOException {
        Path file = file("bootstrap.servers=\nclient.id=x\n");
        assertThat(KafkaClientConfig.bootstrapServers(KafkaClientConfig.load(null, file, "env:1"))).isEqualTo("env:1");
        assertThat(KafkaClientConfig.bootstrapServers(KafkaClientConfig.load(null, null, "env:1"))).isEqualTo("env:1");
    }

    @Test
    void theDefaultShouldApplyWhenNothingElseSaysWhere() {
        assertThat(KafkaClientConfig.bootstrapServers(KafkaClientConfig.load(null, null, " ")))
                .isEqualTo(KafkaClientConfig.DEFAULT_BOOTSTRAP_SERVERS);
    }

    @Test
    void anUnreadableFileShouldBeOneClearMessage() {
        assertThatThrownBy(() -> KafkaClientConfig.load(null, dir.resolve("missing.properties"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read Kafka config " + dir.resolve("missing.properties"));
    }
}
