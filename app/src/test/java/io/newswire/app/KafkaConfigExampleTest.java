package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.KafkaClientConfig;
import io.newswire.common.Topics;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The SASL/SCRAM-over-TLS example of docs/ loads as {@code --kafka-config} does and names only real settings. */
class KafkaConfigExampleTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "kafka-sasl-scram-tls.properties");

    @Test
    void shouldLoadTheSaslScramTlsExampleWithOnlySettingsKafkaKnows() {
        Properties config = KafkaClientConfig.load(null, EXAMPLE);

        Set<String> known = new HashSet<>();
        known.addAll(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        known.addAll(StreamsConfig.configDef().names());
        assertThat(config.stringPropertyNames()).allMatch(known::contains, "a Kafka client setting");
        assertThat(config.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
        assertThat(config.getProperty(SaslConfigs.SASL_MECHANISM)).startsWith("SCRAM-SHA-");
        assertThat(config.getProperty(SaslConfigs.SASL_JAAS_CONFIG))
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                .contains("username=\"newswire\"").endsWith(";");
        assertThat(config.getProperty(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG)).isEqualTo("https");
        // The topics stay the default ones unless the user uncomments the namespace lines.
        assertThat(Topics.from(config).names()).isEqualTo(Topics.defaults().names());
    }

    @Test
    void shouldLetTheCommandLineBootstrapServersWin() {
        Properties config = KafkaClientConfig.load("127.0.0.1:9192", EXAMPLE);
        assertThat(config.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:9192");
        assertThat(config.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
    }
}
