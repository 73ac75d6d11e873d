package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.testsupport.ConsoleCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exit codes and one-line errors of DESIGN.md: 0 done, 2 bad usage, 1 failure with one clear line. */
class NewswireCliTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private String errors() {
        return console.err();
    }

    @Test
    void shouldExitTwoOnBadUsage() {
        assertThat(Newswire.run("demo", "--no-such-option")).isEqualTo(2);
        assertThat(errors()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void shouldFailWithOneLineWhenKafkaIsUnreachable() {
        long started = System.nanoTime();

        int code = Newswire.run("produce", "seeds", "../seeds", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(code).isEqualTo(1);
        assertThat(errors().strip()).isEqualTo("newswire: cannot reach Kafka at 127.0.0.1:1 after 10 s");
        // A hang check, not a speed target: the command gives up after its 10 s wait, and a loaded machine may
        // add a few seconds of start-up; a command that hangs would never return at all.
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(60);
    }

    @Test
    void shouldFailWithOneLineWhenTheKafkaPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = Newswire.run("broker", "--kafka-port", String.valueOf(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(errors().strip()).startsWith("newswire: Kafka port 127.0.0.1:" + taken.getLocalPort()
                    + " is in use").doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Test
    void shouldFailWithOneLineWhenTheSeedFolderIsMissing() {
        int code = Newswire.run("produce", "seeds", "/no/such/folder", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(code).isEqualTo(1);
        assertThat(errors().strip()).isEqualTo("newswire: seed folder not found: /no/such/folder");
    }

    @Test
    void shouldRefuseAFeedUrlThatIsNotHttpBeforeContactingKafka() {
        int code = Newswire.run("produce", "rss", "file:///etc/passwd", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(code).isEqualTo(1);
        assertThat(errors().strip()).isEqualTo("newswire: not an http(s) feed URL: file:///etc/passwd");
    }
}
