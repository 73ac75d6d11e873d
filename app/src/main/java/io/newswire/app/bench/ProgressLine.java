package io.newswire.app.bench;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * One progress line while a phase runs, refreshed every second: rewritten in place on a terminal, a new
 * line every five seconds otherwise (logs, CI).
 */
final class ProgressLine implements AutoCloseable {

    private final PrintStream out;
    private final Supplier<String> status;
    private final boolean terminal = System.console() != null;
    private final Thread printer;
    private volatile boolean running = true;

    ProgressLine(PrintStream out, Supplier<String> status) {
        this.out = out;
        this.status = status;
        this.printer = new Thread(this::print, "newswire-bench-progress");
        printer.setDaemon(true);
        printer.start();
    }

    private void print() {
        long period = terminal ? 1_000 : 5_000;
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                show();
            }
        }
    }

    private synchronized void show() {
        if (terminal) {
            out.print("\r  " + status.get() + "   ");
        } else {
            out.println("  " + status.get());
        }
        out.flush();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        printer.interrupt();
        printer.join(2_000);
        if (terminal) {
            out.print("\r  " + status.get() + "   ");
            out.println();
        } else {
            out.println("  " + status.get());
        }
    }
}
