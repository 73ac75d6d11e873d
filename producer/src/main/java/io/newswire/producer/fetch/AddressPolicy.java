package io.newswire.producer.fetch;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which addresses a fetch may reach. {@link #PUBLIC_ONLY} refuses any host that resolves to a loopback,
 * link-local (cloud metadata), site-local/private, unique-local (fc00::/7), shared (CGNAT, 100.64.0.0/10),
 * multicast, broadcast or unspecified address, so a link in a feed cannot make newswire fetch from inside its
 * own network (server-side request forgery). Every address the name resolves to must be public, and
 * {@link BoundedGet} connects only to the addresses returned here (its HTTP client has no other way to look a name
 * up), so a DNS answer that changes between check and connect is never used. {@link #ANY} is for intranets and tests.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Public addresses only: the default for pages that feeds link to. */
    AddressPolicy PUBLIC_ONLY = AddressPolicy::resolvePublic;
    /** Any address (--allow-private-fetch). */
    AddressPolicy ANY = InetAddress::getAllByName;

    /** Thrown when a URL's host is not allowed; an {@link IOException} like any other failed fetch. */
    final class RefusedAddressException extends IOException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    /**
     * Looks {@code host} up once and returns the addresses a connection may use: all of them, or none.
     *
     * @param host a name or an address literal (IPv6 without brackets)
     * @throws RefusedAddressException when the host resolves to an address this policy refuses
     * @throws UnknownHostException when the host does not resolve
     */
    InetAddress[] resolve(String host) throws IOException;

    /** {@link #resolve} for the host of a URL; the addresses are those a connection to it may use. */
    default InetAddress[] check(URI uri) throws IOException {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedAddressException("no host in " + uri);
        }
        // URI keeps the brackets of an IPv6 literal; InetAddress wants it without.
        return resolve(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }

    private static InetAddress[] resolvePublic(String host) throws IOException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedAddressException(host + " is a " + kind(address) + " address ("
                        + address.getHostAddress() + "); --allow-private-fetch allows it");
            }
        }
        return addresses;
    }

    /** True for an address on the public internet. */
    static boolean isPublic(InetAddress address) {
        return kind(address) == null;
    }

    /** What kind of non-public address this is, or null when it is public. */
    static String kind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4Kind(bytes) : ipv6Kind(address, bytes);
    }

    /** The special IPv4 ranges that InetAddress has no predicate for. */
    private static String ipv4Kind(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (first == 0) {
            return "unspecified";
        }
        if (first == 100 && (second & 0xC0) == 64) {
            return "shared (CGNAT)";
        }
        if (first == 255 && second == 255 && (bytes[2] & 0xFF) == 255 && (bytes[3] & 0xFF) == 255) {
            return "broadcast";
        }
        return null;
    }

    /** Unique-local IPv6, and IPv6 forms that carry an IPv4 address, judged by the IPv4 inside. */
    private static String ipv6Kind(InetAddress address, byte[] bytes) {
        if ((bytes[0] & 0xFE) == 0xFC) {
            return "unique-local";
        }
        if (address instanceof Inet6Address && isEmbeddingIpv4(bytes)) {
            // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): judge the IPv4 inside.
            try {
                byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                return kind(InetAddress.getByAddress(v4));
            } catch (UnknownHostException e) {
                return "malformed";
            }
        }
        return null;
    }

    private static boolean isEmbeddingIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || compatible || nat64;
    }
}
