package io.newswire.producer.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host name into addresses: one lookup, judged by the {@link AddressPolicy},
 * and the connection then goes to exactly the addresses judged. A second lookup, which a short DNS TTL could
 * answer differently (DNS rebinding), never happens. TLS still uses the host name (SNI, certificate check).
 */
final class CheckedDnsResolver implements DnsResolver {

    /** A refusal travelling through the client, which lets resolvers throw only {@link UnknownHostException}. */
    static final class Refused extends UnknownHostException {
        private final AddressPolicy.RefusedAddressException refusal;

        Refused(AddressPolicy.RefusedAddressException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
            initCause(refusal);
        }

        AddressPolicy.RefusedAddressException refusal() {
            return refusal;
        }
    }

    private final AddressPolicy policy;

    CheckedDnsResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        // The client hands over an IPv6 literal with its brackets.
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return policy.resolve(name);
        } catch (AddressPolicy.RefusedAddressException e) {
            throw new Refused(e);
        } catch (UnknownHostException e) {
            throw e;
        } catch (IOException e) {
            UnknownHostException unknown = new UnknownHostException(host + ": " + e.getMessage());
            unknown.initCause(e);
            throw unknown;
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Only used for Kerberos/SPNEGO, which newswire does not do; no second lookup either.
        return host;
    }
}
