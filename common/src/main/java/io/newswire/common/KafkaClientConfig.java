package io.newswire.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Client properties for any Kafka cluster: a {@code --kafka-config} file (security, SASL/SSL, tuning),
 * then {@code --bootstrap-servers}, which wins because it is the more explicit of the two.
 */
public final class KafkaClientConfig {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    private KafkaClientConfig() {
    }

    /**
     * @param bootstrapServers from the command line, or null to take the file's or the default
     * @param configFile a properties file, or null
     * @throws IllegalArgumentException with a clear message when the file cannot be read
     */
    public static Properties load(String bootstrapServers, Path configFile) {
        Properties props = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read Kafka config " + configFile + ": " + e.getMessage(), e);
            }
        }
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        props.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        return props;
    }

    /** A copy, so one component's settings never leak into another's. */
    public static Properties copy(Properties props) {
        Properties copy = new Properties();
        copy.putAll(props);
        return copy;
    }
}
