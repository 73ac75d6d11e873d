package io.newswire.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.producer.testing.TestWebServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text fetches refuse internal addresses, on the first request and on every redirect hop. */
class AddressPolicyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestWebServer site;
    private TestWebServer internal;

    @BeforeEach
    void start() throws Exception {
        site = new TestWebServer();
        internal = new TestWebServer();
        internal.serveHtml("/secret", "<p>internal only</p>");
    }

    @AfterEach
    void stop() {
        site.close();
        internal.close();
    }

    @Test
    void shouldRefuseALoopbackPageWithoutConnecting() {
        BoundedGet http = new BoundedGet("test", AddressPolicy.PUBLIC_ONLY);

        assertThatThrownBy(() -> http.get(URI.create(internal.url("/secret")), Map.of(), 1024, TIMEOUT))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining("loopback");
        assertThat(internal.requests()).isEmpty();
    }

    @Test
    void shouldRefuseARedirectTo127001() throws Exception {
        // "news.example" stands for a public site (it is the first test server); everything else must be public.
        AddressPolicy trustTheSite = host -> host.equals("news.example")
                ? new InetAddress[] {InetAddress.getLoopbackAddress()} : AddressPolicy.PUBLIC_ONLY.resolve(host);
        site.serveStatus("/story", 302, Map.of("Location", internal.url("/secret")));
        BoundedGet http = new BoundedGet("test", trustTheSite);

        assertThatThrownBy(() -> http.get(named(site.url("/story")), Map.of(), 1024, TIMEOUT))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(site.requests()).hasSize(1);
        assertThat(internal.requests()).isEmpty();
    }

    @Test
    void shouldRefuseARedirectToANameOfALoopbackAddress() throws Exception {
        AddressPolicy trustTheSite = host -> host.equals("news.example")
                ? new InetAddress[] {InetAddress.getLoopbackAddress()} : AddressPolicy.PUBLIC_ONLY.resolve(host);
        site.serveStatus("/story", 302, Map.of("Location", internal.url("/secret").replace("127.0.0.1", "localhost")));
        BoundedGet http = new BoundedGet("test", trustTheSite);

        assertThatThrownBy(() -> http.get(named(site.url("/story")), Map.of(), 1024, TIMEOUT))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining("localhost is a loopback address");
        assertThat(internal.requests()).isEmpty();
    }

    @Test
    void shouldConnectToTheAddressesThePolicyReturned() throws Exception {
        // "news.example" has no DNS entry: the page arrives only if the connection used the policy's answer,
        // not a lookup of its own.
        site.serveHtml("/story", "<p>checked</p>");
        AddressPolicy pinned = host -> {
            if (!host.equals("news.example")) {
                throw new AddressPolicy.RefusedAddressException(host + " is not the checked host");
            }
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };
        BoundedGet http = new BoundedGet("test", pinned);

        BoundedGet.Response response = http.get(named(site.url("/story")), Map.of(), 1024, TIMEOUT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body())).contains("checked");
    }

    /** The test server's URL with the host name "news.example" in place of its address. */
    private static URI named(String url) {
        return URI.create(url.replace("127.0.0.1", "news.example"));
    }

    @Test
    void shouldFollowRedirectsWhenPrivateFetchesAreAllowed() throws Exception {
        site.serveStatus("/story", 302, Map.of("Location", internal.url("/secret")));
        BoundedGet http = new BoundedGet("test", AddressPolicy.ANY);

        BoundedGet.Response response = http.get(URI.create(site.url("/story")), Map.of(), 1024, TIMEOUT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body())).contains("internal only");
    }

    @Test
    void shouldStopAfterFiveRedirects() {
        for (int i = 0; i < 7; i++) {
            site.serveStatus("/hop" + i, 302, Map.of("Location", "/hop" + (i + 1)));
        }
        BoundedGet http = new BoundedGet("test", AddressPolicy.ANY);

        assertThatThrownBy(() -> http.get(URI.create(site.url("/hop0")), Map.of(), 1024, TIMEOUT))
                .hasMessageContaining("more than 5 redirects");
        assertThat(site.requests()).hasSize(6);
    }

    @Test
    void shouldTellPublicFromInternalAddresses() throws Exception {
        for (String internalAddress : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe"}) {
            assertThat(AddressPolicy.isPublic(InetAddress.getByName(internalAddress))).as(internalAddress).isFalse();
        }
        for (String publicAddress : new String[] {"93.184.216.34", "100.128.0.1", "8.8.8.8", "2606:4700::1111"}) {
            assertThat(AddressPolicy.isPublic(InetAddress.getByName(publicAddress))).as(publicAddress).isTrue();
        }
    }
}
