package io.newswire.app;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The pipeline scenarios on Apache Kafka's own image in Docker, the version of the Kafka clients newswire
 * is built with. Where no Docker engine runs (our build machines), the class is skipped at once.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainerIT extends PipelineScenarios {

    /** {@code apache/kafka:<the kafka-clients version>}: broker and clients of one release. */
    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion());

    private static KafkaContainer kafka;

    @BeforeAll
    static void startKafka() {
        // Created here, not in a field initialiser, so that nothing touches Docker when the class is skipped.
        kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Override
    protected String bootstrapServers() {
        return kafka.getBootstrapServers();
    }
}
