package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster as many run it: clients on a SASL_SSL listener (SCRAM-SHA-512 over TLS with a certificate of a
 * test CA), an authorizer, and only the ACLs that docs/kafka-sasl-scram-tls.properties lists for the user
 * newswire. produce, streams and consumer get there with {@code --kafka-config} alone; a client without
 * (or with wrong) credentials gets one line, at once.
 */
class SecuredClusterIT {

    private static final String SECURE = "SECURE";
    private static final String STORE_PASSWORD = "test-store-pass";
    private static final String USER_PASSWORD = "newswire-test-pass";
    private static final String APPLICATION_ID = "newswire-streams-secured-it";

    @TempDir
    static Path keys;
    private static KafkaClusterTestKit cluster;
    private static int securePort;

    @TempDir
    Path dir;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startSecuredCluster() throws Exception {
        TestCertificates.create(keys, STORE_PASSWORD);
        String prefix = "listener.name." + SECURE.toLowerCase(java.util.Locale.ROOT) + ".";
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // The test kit's PLAINTEXT listeners stay for brokers and controller (super users, like a
                // cluster's internal network); clients come in on SECURE.
                .setConfigProp("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + SECURE + "://localhost:0")
                .setConfigProp("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + SECURE + ":SASL_SSL")
                .setConfigProp(prefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .setConfigProp(prefix + "scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp(prefix + "ssl.keystore.location", keys.resolve("broker.p12").toString())
                .setConfigProp(prefix + "ssl.keystore.password", STORE_PASSWORD)
                .setConfigProp(prefix + "ssl.keystore.type", "PKCS12")
                .setConfigProp(prefix + "ssl.key.password", STORE_PASSWORD)
                .setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .setConfigProp("super.users", "User:ANONYMOUS")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        securePort = cluster.brokers().values().iterator().next().boundPort(new ListenerName(SECURE));
        Properties plain = new Properties();
        plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(plain)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("newswire",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), USER_PASSWORD))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(newswireAcls()).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The ACLs of docs/kafka-sasl-scram-tls.properties for User:newswire (and this test's application id). */
    private static List<AclBinding> newswireAcls() {
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of("news.articles.raw", "news.articles.tagged", "news.topic-daily", "news.articles.dlq")) {
            for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE)) {
                acls.add(allow(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), op));
            }
        }
        acls.add(allow(new ResourcePattern(ResourceType.TOPIC, "newswire-streams-", PatternType.PREFIXED), AclOperation.ALL));
        for (String group : List.of(APPLICATION_ID, "newswire-sink")) {
            acls.add(allow(new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL), AclOperation.READ));
            acls.add(allow(new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL), AclOperation.DESCRIBE));
        }
        for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            acls.add(allow(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "newswire-streams-", PatternType.PREFIXED), op));
        }
        acls.add(allow(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), AclOperation.IDEMPOTENT_WRITE));
        return acls;
    }

    private static AclBinding allow(ResourcePattern pattern, AclOperation op) {
        return new AclBinding(pattern, new AccessControlEntry("User:newswire", "*", op, AclPermissionType.ALLOW));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void captureErrors() {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** A client file as a user would write it from the example: only --kafka-config is passed to commands. */
    private Path clientConfig(String jaasLine) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "bootstrap.servers=localhost:" + securePort,
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-512",
                "ssl.truststore.location=" + keys.resolve("truststore.p12"),
                "ssl.truststore.password=" + STORE_PASSWORD,
                "ssl.truststore.type=PKCS12",
                "ssl.endpoint.identification.algorithm=https",
                "application.id=" + APPLICATION_ID));
        if (jaasLine != null) {
            lines.add("sasl.jaas.config=" + jaasLine);
        }
        Path file = dir.resolve("client-" + Integer.toHexString(lines.hashCode()) + ".properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"newswire\" password=\""
                + password + "\";";
    }

    @Test
    void produceStreamsAndConsumerShouldRunWithTheKafkaConfigFileAlone() throws Exception {
        String config = clientConfig(jaas(USER_PASSWORD)).toString();
        Path sink = dir.resolve("sink.db");

        assertThat(Newswire.run("produce", "seeds", "../seeds", "--kafka-config", config))
                .as("produce; stderr: %s", err).isZero();

        int streamsPort = HealthAndMetricsIT.freePort();
        int consumerPort = HealthAndMetricsIT.freePort();
        List<Thread> commands = List.of(
                command("streams", "--kafka-config", config, "--metrics-port", String.valueOf(streamsPort)),
                command("consumer", "--kafka-config", config, "--sink", sink.toString(),
                        "--metrics-port", String.valueOf(consumerPort)));
        try {
            long seeds;
            try (var files = Files.list(Path.of("../seeds"))) {
                seeds = files.filter(p -> p.toString().endsWith(".txt")).count();
            }
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(articlesIn(sink)).isEqualTo(seeds));
            assertThat(status(streamsPort)).isEqualTo(200);
            assertThat(status(consumerPort)).isEqualTo(200);
        } finally {
            commands.forEach(Thread::interrupt);
            for (Thread command : commands) {
                command.join(60_000);
            }
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(USER_PASSWORD);
    }

    @Test
    void aClientWithoutCredentialsShouldGetOneLineAtOnce() throws Exception {
        String config = clientConfig(null).toString();

        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Newswire.run("produce", "seeds", "../seeds", "--kafka-config", config));

        assertThat(code).isEqualTo(1);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("newswire:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("newswire: invalid Kafka client settings for localhost:" + securePort)
                .contains("JAAS").doesNotContain("Exception");
    }

    @Test
    void aClientWithAWrongPasswordShouldGetOneLineAtOnce() throws Exception {
        String config = clientConfig(jaas("not-the-password")).toString();

        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Newswire.run("streams", "--kafka-config", config, "--wait"));

        assertThat(code).isEqualTo(1);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("newswire:")).toList();
        assertThat(lines).containsExactly("newswire: Kafka at localhost:" + securePort + " refused this client: "
                + "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512");
    }

    private Thread command(String... args) {
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread thread = new Thread(() -> exitCode.set(Newswire.run(args)), "command-" + args[0]);
        thread.start();
        return thread;
    }

    private static long articlesIn(Path sink) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sink);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM articles")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static int status(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
