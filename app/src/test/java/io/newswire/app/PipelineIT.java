package io.newswire.app;

import io.newswire.testsupport.InJvmKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pipeline scenarios on a real in-JVM KRaft broker (KafkaClusterTestKit): they run everywhere. */
class PipelineIT extends PipelineScenarios {

    private static InJvmKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InJvmKafka.start(1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Override
    protected String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
