package io.newswire.app;

import io.newswire.testsupport.SharedKafka;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline scenarios on a real in-JVM KRaft broker (KafkaClusterTestKit): they run everywhere. */
class PipelineIT extends PipelineScenarios {

    @RegisterExtension
    static final SharedKafka KAFKA = SharedKafka.withBrokers(1);

    @Override
    protected String bootstrapServers() {
        return KAFKA.bootstrapServers();
    }
}
