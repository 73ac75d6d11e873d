package io.newswire.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @Test
    void kafkaReadsTheSettingsAsMeantTheCleanersOffsetMapSmallerThanItsDefault(@TempDir Path dir) {
        // Parsed by Kafka's own broker config: a misspelt key would leave Kafka's default in place.
        KafkaConfig config = KafkaConfig.fromProps(new EmbeddedBroker(dir, 39_092).serverProperties(), false);

        assertThat(config.logCleanerDedupeBufferSize()).isEqualTo(EmbeddedBroker.DEDUPE_BUFFER_BYTES)
                .isLessThan(128L * 1024 * 1024);
    }
}
