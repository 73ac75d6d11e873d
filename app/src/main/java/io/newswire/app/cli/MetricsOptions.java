package io.newswire.app.cli;

import io.newswire.app.ops.OpsServer;
import picocli.CommandLine.Option;

/** {@code --metrics-port} and {@code --metrics-host}, on every long-running command: /health and /metrics. */
public final class MetricsOptions {

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "serve /health (200 once ready) and /metrics (Prometheus) on this port, e.g. 9404")
    Integer port;

    @Option(names = "--metrics-host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "address /health and /metrics bind to (default ${DEFAULT-VALUE}; 0.0.0.0 in a container)")
    String host;

    /** Serving from now on, or a server that does nothing when no port was given. */
    public OpsServer start() {
        if (port == null) {
            return OpsServer.disabled();
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-port must be between 0 and 65535");
        }
        OpsServer ops = OpsServer.start(host, port);
        System.out.printf("health and metrics: http://%s:%d/health, /metrics%n", host, ops.port());
        return ops;
    }
}
