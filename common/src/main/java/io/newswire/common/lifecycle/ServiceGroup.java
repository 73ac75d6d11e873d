package io.newswire.common.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Services and resources that live and die together. Each is started (and awaited) in the order added;
 * {@link #close()} closes them in reverse order, every one even when another fails to close, and throws the
 * first failure with the others attached as suppressed exceptions. A service that fails to start is closed
 * with the rest: a command only composes, and one {@code try (ServiceGroup ...)} cleans up whatever happened.
 */
public final class ServiceGroup implements AutoCloseable {

    private record Member(String name, AutoCloseable closeable, Service service) {
    }

    private final Duration readyTimeout;
    private final List<Member> members = new ArrayList<>();
    private boolean closed;

    /** @param readyTimeout how long {@link #start} waits for each service to be ready */
    public ServiceGroup(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
    }

    /**
     * Starts {@code service} and waits until it is ready; it is closed with the group from now on, even if
     * it fails to start.
     */
    public <S extends Service> S start(S service) throws InterruptedException {
        requireOpen();
        members.add(new Member(service.name(), service, service));
        service.start();
        service.awaitReady(readyTimeout);
        return service;
    }

    /** Closes {@code resource} with the group (after everything added later); nothing to start. */
    public <R extends AutoCloseable> R own(R resource) {
        requireOpen();
        members.add(new Member(resource.getClass().getSimpleName(), resource, null));
        return resource;
    }

    /** The first service that stopped on its own, as "name stopped: reason", or null while all run. */
    public String failure() {
        for (Member member : members) {
            Throwable failure = member.service() == null ? null : member.service().failure();
            if (failure != null) {
                return member.name() + " stopped: " + failure.getMessage();
            }
        }
        return null;
    }

    /** Closes every member in reverse order; the first failure is thrown, the later ones suppressed in it. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        Exception first = null;
        boolean interrupted = false;
        for (int i = members.size() - 1; i >= 0; i--) {
            try {
                members.get(i).closeable().close();
            } catch (Exception e) {
                // Interrupted while closing one: still close the others, then let the caller see the interrupt.
                interrupted |= e instanceof InterruptedException;
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (interrupted && !(first instanceof InterruptedException)) {
            Thread.currentThread().interrupt();
        }
        if (first != null) {
            throw first;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the service group is closed");
        }
    }
}
