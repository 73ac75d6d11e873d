package io.newswire.app.cli;

import io.newswire.common.lifecycle.ServiceGroup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long-running commands: the shutdown hook asks the command to stop and waits for it to
 * clean up, so components close in order and nothing prints a stack trace on the way out.
 */
public final class StopSignal {

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    public static StopSignal onCtrlC() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signal.stopRequested.countDown();
            try {
                signal.stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswire-shutdown"));
        return signal;
    }

    /** Blocks until Ctrl-C (or the JVM is asked to exit). */
    public void await() throws InterruptedException {
        stopRequested.await();
    }

    /** Waits at most {@code millis}; true if a stop was requested. */
    public boolean await(long millis) throws InterruptedException {
        return stopRequested.await(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Blocks until Ctrl-C (exit code 0, after "stopping …") or until one of {@code services} stops on its
     * own (exit code 1, after its reason on stderr). The caller closes the services.
     */
    public int awaitStopOrFailure(ServiceGroup services) throws InterruptedException {
        while (!await(500)) {
            String failure = services.failure();
            if (failure != null) {
                System.err.println(failure);
                return 1;
            }
        }
        System.out.println("stopping …");
        return 0;
    }

    /** Lets the JVM exit: the command has cleaned up. */
    public void done() {
        stopped.countDown();
    }
}
