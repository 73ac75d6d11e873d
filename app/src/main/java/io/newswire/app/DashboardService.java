package io.newswire.app;

import io.newswire.common.lifecycle.Service;
import io.newswire.dashboard.DashboardServer;
import java.time.Duration;

/** The dashboard as a {@link Service}: served on its address from {@link #start()} until {@link #close()}. */
public final class DashboardService implements Service {

    private final DashboardServer server;
    private final String host;
    private final int port;
    private final String token;

    /** @param port 0 for any free one */
    public DashboardService(DashboardServer server, String host, int port) {
        this(server, host, port, null);
    }

    /** @param token what requests must carry off loopback (null: a random one, printed by {@link #accessLine()}) */
    public DashboardService(DashboardServer server, String host, int port, String token) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.token = token;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    /** @throws IllegalStateException naming the address when it cannot listen (port taken) */
    @Override
    public void start() {
        server.start(host, port, token);
    }

    /** Ready once started: {@link DashboardServer#start} returns when it listens. */
    @Override
    public void awaitReady(Duration timeout) {
    }

    @Override
    public Throwable failure() {
        return null;
    }

    /** The address to print, with the port it got. */
    public String url() {
        return DashboardServer.url(host, server.port());
    }

    /** The line to print: the address, and the token it requires when bound off loopback. */
    public String accessLine() {
        return server.accessLine(host);
    }

    @Override
    public void close() {
        server.close();
    }
}
