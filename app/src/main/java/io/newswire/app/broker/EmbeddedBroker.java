package io.newswire.app.broker;

import io.newswire.app.kafka.KafkaAdmin;
import io.newswire.common.KafkaClientConfig;
import io.newswire.common.lifecycle.Service;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is broker and controller), from the
 * {@code org.apache.kafka} artifacts. Its data lives under {@code dataDir} and survives restarts: the
 * storage is formatted only once.
 */
public final class EmbeddedBroker implements Service {

    public static final String HOST = "127.0.0.1";
    /** The log cleaner's offset map, on the heap of whatever process embeds the broker. */
    static final long DEDUPE_BUFFER_BYTES = 16L * 1024 * 1024;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param port the client port; the controller listens on the next one
     */
    public EmbeddedBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = port + 1;
    }

    @Override
    public String name() {
        return "Kafka broker";
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /**
     * Formats the storage on first use and starts the broker.
     *
     * @throws BrokerStartException with one clear line (port in use, data directory not writable, ...)
     */
    public void start() {
        checkPortFree(port, "Kafka port");
        checkPortFree(controllerPort, "Kafka controller port");
        Path configFile = writeConfig();
        format(configFile);
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(serverProperties()), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            throw new BrokerStartException("cannot start Kafka broker (data in " + dataDir + "): " + e.getMessage(), e);
        }
    }

    /**
     * Returns once the broker answers a client.
     *
     * @throws io.newswire.app.kafka.KafkaUnreachableException when it does not within {@code timeout}
     */
    @Override
    public void awaitReady(Duration timeout) {
        try (KafkaAdmin admin = new KafkaAdmin(KafkaClientConfig.load(bootstrapServers(), null))) {
            admin.awaitReachable(timeout);
        }
    }

    /** Always null: a broker that fails after its start shows in its log and in the clients' errors. */
    @Override
    public Throwable failure() {
        return null;
    }

    Properties serverProperties() {
        Map<String, String> config = new TreeMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDir().toAbsolutePath().toString());
        // One node: every internal topic has one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("num.partitions", "3");
        // newswire creates its topics itself, with their settings; a typo must not create a new topic.
        config.put("auto.create.topics.enable", "false");
        // Nobody else joins a group on a one-node demo: start consuming at once instead of after 3 s.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Small segments and indexes: the demo's topics are tiny, and the defaults preallocate 10 MB each.
        config.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        config.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        // The embedded broker shares its machine with Streams: compacting a full changelog segment at full
        // speed took a core for a second and stalled the pipeline (seen as the p99 of newswire bench). Throttled,
        // the cleaner spreads that work out; 8 MB/s is still ten times what the changelogs take in.
        config.put("log.cleaner.io.max.bytes.per.second", String.valueOf(8 * 1024 * 1024));
        // The cleaner's offset map is a heap buffer of this size, allocated on its first cleaning and kept: the
        // default 128 MB was the largest object in a 512 MiB heap running the whole pipeline (a heap dump of
        // newswire bench). 16 MB maps ~630,000 keys per pass, far more than a segment of the changelogs holds
        // distinct keys; a log with more is cleaned in several passes.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES));
        Properties props = new Properties();
        props.putAll(config);
        return props;
    }

    private Path logDir() {
        return dataDir.resolve("logs");
    }

    private Path writeConfig() {
        try {
            Files.createDirectories(dataDir);
            if (!Files.isWritable(dataDir)) {
                throw new BrokerStartException("data directory " + dataDir.toAbsolutePath() + " is not writable", null);
            }
            Path file = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                serverProperties().store(out, "written by newswire for its embedded broker");
            }
            return file;
        } catch (IOException e) {
            throw new BrokerStartException("data directory " + dataDir.toAbsolutePath() + " is not writable: "
                    + e.getMessage(), e);
        }
    }

    /** Like {@code kafka-storage.sh format}, once: a formatted data directory is left as it is. */
    private void format(Path configFile) {
        if (Files.exists(logDir().resolve("meta.properties"))) {
            return; // formatted by an earlier run: keep its cluster id and data
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", configFile.toString()}, out);
        } catch (RuntimeException e) {
            throw new BrokerStartException("cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
        if (code != 0) {
            throw new BrokerStartException("cannot format Kafka storage in " + dataDir + ": "
                    + output.toString(StandardCharsets.UTF_8).strip(), null);
        }
    }

    private static void checkPortFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new BrokerStartException(what + " " + HOST + ":" + port
                    + " is in use (another broker or `newswire demo` running?); stop it or choose --kafka-port", e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
