package io.newswire.app;

import io.newswire.common.lifecycle.Service;
import io.newswire.dashboard.DashboardServer;
import java.time.Duration;

/** The dashboard as a {@link Service}: served on its address from {@link #start()} until {@link #close()}. */
public final class DashboardService implements Service {

    private final DashboardServer server;
    private final String host;
    private final int port;

    /** @param port 0 for any free one */
    public DashboardService(DashboardServer server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    /** @throws IllegalStateException naming the address when it cannot listen (port taken) */
    @Override
    public void start() {
        server.start(host, port);
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

    @Override
    public void close() {
        server.close();
    }
}
