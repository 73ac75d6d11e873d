package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.consumer.SummaryConsumer;
import io.newswire.streams.StreamsApp;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is held to the code instead: every newswire
 * service runs a command and options that the command line really has, the Kafka image is the release of
 * the Kafka clients, the data directory is the variable {@link AppPaths} reads and sits on a named volume,
 * and every service has a health check. A rename in the code breaks this test, not a user's {@code up}.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final List<String> KAFKA_SERVICES = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final String INTERNAL_BOOTSTRAP = "kafka-1:9092,kafka-2:9092,kafka-3:9092";
    private static final String HEALTH_PROBE = "io.newswire.app.ops.HealthProbe";
    /**
     * Options compose already uses that a command gains in another branch (the dashboard's {@code --http-port}
     * on {@code consumer}): tolerated while the command lacks them, checked like the others once it has them.
     */
    private static final Set<String> AWAITED_OPTIONS = Set.of("consumer --http-port");

    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        // SnakeYAML (which jackson-dataformat-yaml brings, at the version the Jackson BOM pins) resolves the
        // anchors and << merges that compose files use; Jackson then gives a tree to walk.
        try (Reader reader = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            Map<String, Object> yaml = new Yaml(new LoaderOptions()).load(reader);
            compose = new ObjectMapper().valueToTree(yaml);
        }
        services = compose.get("services");
    }

    @Test
    void shouldDescribeAThreeBrokerClusterPostgresAndThePipeline() {
        assertThat(fieldNames(services)).containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3", "postgres",
                "producer", "streams-1", "streams-2", "consumer");
    }

    @Test
    void shouldRunTheKafkaReleaseOfTheClientsInKraftMode() {
        Set<String> nodeIds = new HashSet<>();
        for (String name : KAFKA_SERVICES) {
            JsonNode broker = services.get(name);
            assertThat(broker.get("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion())
                    .isEqualTo(PipelineContainerIT.KAFKA_IMAGE.asCanonicalNameString());
            JsonNode env = broker.get("environment");
            assertThat(env.get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
            nodeIds.add(env.get("KAFKA_NODE_ID").asText());
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
                    .contains(env.get("KAFKA_NODE_ID").asText() + "@" + name + ":9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS").asText()).contains("PLAINTEXT://" + name + ":9092");
            assertThat(env.get("KAFKA_LOG_DIRS").asText()).isEqualTo(mountPoint(name, name + "-data"));
            // The EXTERNAL listener is advertised on the host port that compose publishes.
            Matcher external = Pattern.compile("EXTERNAL://localhost:(\\d+)")
                    .matcher(env.get("KAFKA_ADVERTISED_LISTENERS").asText());
            assertThat(external.find()).isTrue();
            assertThat(texts(broker.get("ports"))).containsExactly(external.group(1) + ":19092");
        }
        assertThat(nodeIds).hasSize(3);
        assertThat(services.get("kafka-1").get("environment").get("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
    }

    @Test
    void shouldGiveEveryServiceAHealthCheckAndANamedVolume() {
        Set<String> declared = fieldNames(compose.get("volumes"));
        for (String name : fieldNames(services)) {
            JsonNode service = services.get(name);
            assertThat(service.path("healthcheck").path("test").isArray()).as(name + " has a health check").isTrue();
            List<String> named = texts(service.get("volumes")).stream()
                    .map(v -> v.substring(0, v.indexOf(':')))
                    .filter(source -> !source.startsWith("."))
                    .toList();
            assertThat(named).as(name + " keeps its data in a named volume").hasSize(1);
            assertThat(declared).contains(named.get(0));
        }
    }

    @Test
    void shouldRunCommandsAndOptionsThatTheCommandLineHas() {
        assertThat(newswireCommand("producer")).startsWith("produce", "seeds");
        assertThat(newswireCommand("streams-1")).startsWith("streams");
        assertThat(newswireCommand("consumer")).startsWith("consumer");
        for (String name : List.of("producer", "streams-1", "streams-2", "consumer")) {
            List<String> args = withoutAwaitedOptions(newswireCommand(name));
            // Throws (and fails the test) on an unknown command or option.
            ParseResult parsed = new CommandLine(new Newswire()).parseArgs(args.toArray(String[]::new));
            ParseResult command = leaf(parsed);
            assertThat(command.matchedOptionValue("--bootstrap-servers", "")).as(name)
                    .isEqualTo(INTERNAL_BOOTSTRAP);
            assertThat(command.hasMatchedOption("--wait")).as(name + " waits for the brokers").isTrue();
        }
    }

    @Test
    void shouldRunTwoInstancesOfOneStreamsApplicationEachWithItsOwnState() {
        // Same command, no application.id of their own: both are StreamsApp.DEFAULT_APPLICATION_ID.
        assertThat(newswireCommand("streams-1")).isEqualTo(newswireCommand("streams-2"));
        assertThat(compose.toString()).doesNotContain("application.id").doesNotContain("group.id");
        assertThat(StreamsApp.DEFAULT_APPLICATION_ID).isEqualTo("newswire-streams");
        assertThat(SummaryConsumer.DEFAULT_GROUP_ID).isEqualTo("newswire-sink");
        assertThat(mountPoint("streams-1", "streams-1-data")).isEqualTo(mountPoint("streams-2", "streams-2-data"));
        assertThat(leaf(parse("streams-1")).matchedOptionValue("--partitions", 0)).isEqualTo(6);
    }

    @Test
    void shouldPointEveryNewswireServiceAtItsDataVolumeThroughTheVariableTheCodeReads() {
        for (String name : List.of("producer", "streams-1", "streams-2", "consumer")) {
            String dataDir = services.get(name).get("environment").path(AppPaths.DATA_DIR_ENV).asText(null);
            assertThat(dataDir).as(name + " sets " + AppPaths.DATA_DIR_ENV).isNotNull();
            assertThat(mountPoint(name, name + "-data")).isEqualTo(dataDir);
        }
    }

    @Test
    void longRunningServicesShouldBeHealthyOnlyWhenTheirHealthEndpointSaysSo() {
        for (String name : List.of("streams-1", "streams-2", "consumer")) {
            List<String> probe = texts(services.get(name).get("healthcheck").get("test"));
            ParseResult command = leaf(parse(name));
            // The probe asks the port the command serves /health on; the class is the image's.
            assertThat(probe).as(name).contains(HEALTH_PROBE)
                    .endsWith(String.valueOf(command.matchedOptionValue("--metrics-port", -1)));
            assertThat(io.newswire.app.ops.HealthProbe.class.getName()).isEqualTo(HEALTH_PROBE);
        }
        assertThat(texts(services.get("producer").get("healthcheck").get("test"))).containsExactly("NONE");
    }

    @Test
    void shouldWriteTheSinkToTheComposePostgresAndServeTheDashboardOnItsPublishedPort() {
        JsonNode postgres = services.get("postgres").get("environment");
        String expectedSink = "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB").asText()
                + "?user=" + postgres.get("POSTGRES_USER").asText()
                + "&password=" + postgres.get("POSTGRES_PASSWORD").asText();
        List<String> args = newswireCommand("consumer");
        assertThat(leaf(parse("consumer")).matchedOptionValue("--sink", "")).isEqualTo(expectedSink);
        String httpPort = args.get(args.indexOf("--http-port") + 1);
        assertThat(texts(services.get("consumer").get("ports"))).containsExactly(httpPort + ":" + httpPort);
        assertThat(leaf(parse("consumer")).matchedOptionValue("--http-host", "")).as("reachable through the port mapping")
                .isEqualTo("0.0.0.0");
        assertThat(fieldNames(services.get("consumer").get("depends_on"))).contains("postgres", "kafka-1");
    }

    /** The arguments to the image's entrypoint (java … io.newswire.app.Newswire). */
    private static List<String> newswireCommand(String service) {
        assertThat(services.get(service).get("image").asText()).as(service + " runs the image mvn package builds")
                .isEqualTo("newswire:" + BuildVersion.version());
        return texts(services.get(service).get("command"));
    }

    private static ParseResult parse(String service) {
        return new CommandLine(new Newswire()).parseArgs(withoutAwaitedOptions(newswireCommand(service))
                .toArray(String[]::new));
    }

    private static List<String> withoutAwaitedOptions(List<String> args) {
        List<String> result = new ArrayList<>(args);
        for (String awaited : AWAITED_OPTIONS) {
            String command = awaited.substring(0, awaited.indexOf(' '));
            String option = awaited.substring(awaited.indexOf(' ') + 1);
            CommandLine cli = new CommandLine(new Newswire()).getSubcommands().get(command);
            int at = result.indexOf(option);
            if (!result.isEmpty() && result.get(0).equals(command) && at > 0
                    && !cli.getCommandSpec().optionsMap().containsKey(option)) {
                result.subList(at, at + 2).clear();
            }
        }
        return result;
    }

    private static ParseResult leaf(ParseResult parsed) {
        ParseResult result = parsed;
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result;
    }

    private static String mountPoint(String service, String volume) {
        return texts(services.get(service).get("volumes")).stream()
                .filter(v -> v.startsWith(volume + ":"))
                .map(v -> v.substring(volume.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError(service + " mounts no volume " + volume));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
