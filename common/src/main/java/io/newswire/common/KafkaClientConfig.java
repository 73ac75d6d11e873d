package io.newswire.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Client properties for any Kafka cluster. Where Kafka is comes from, first to last: the
 * {@code --bootstrap-servers} flag, {@code bootstrap.servers} in the {@code --kafka-config} file, the
 * {@value #BOOTSTRAP_SERVERS_ENV} environment variable, then {@value #DEFAULT_BOOTSTRAP_SERVERS}: the more
 * explicit a setting, the more it wins. Every other setting comes from the file as it is.
 */
public final class KafkaClientConfig {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    /** Read when neither the flag nor the file say where Kafka is (containers set it). */
    public static final String BOOTSTRAP_SERVERS_ENV = "NEWSWIRE_BOOTSTRAP_SERVERS";

    private KafkaClientConfig() {
    }

    /** With the process's environment. */
    public static Properties load(String bootstrapServers, Path configFile) {
        return load(bootstrapServers, configFile, System.getenv(BOOTSTRAP_SERVERS_ENV));
    }

    /**
     * @param bootstrapServers from the command line, or null to take the file's, the environment's or the default
     * @param configFile a properties file, or null
     * @param fromEnvironment the value of {@value #BOOTSTRAP_SERVERS_ENV}, or null
     * @throws IllegalArgumentException with a clear message when the file cannot be read
     */
    public static Properties load(String bootstrapServers, Path configFile, String fromEnvironment) {
        Properties props = configFile == null ? new Properties() : readFile(configFile);
        if (!isBlank(bootstrapServers)) {
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.strip());
        }
        if (!isBlank(fromEnvironment)) {
            props.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, fromEnvironment.strip());
        }
        props.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        return props;
    }

    /**
     * The file's settings as they are, without a blank {@code bootstrap.servers}.
     *
     * @throws IllegalArgumentException with a clear message when the file cannot be read
     */
    public static Properties readFile(Path configFile) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read Kafka config " + configFile + ": " + e.getMessage(), e);
        }
        if (isBlank(props.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG))) {
            props.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        return props;
    }

    /** Where these properties point. */
    public static String bootstrapServers(Properties props) {
        return props.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** A copy, so one component's settings never leak into another's. */
    public static Properties copy(Properties props) {
        Properties copy = new Properties();
        copy.putAll(props);
        return copy;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
