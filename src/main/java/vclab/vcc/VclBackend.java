package vclab.vcc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A backend declaration. A {@code backend name none;} has none set and no other attribute.
 *
 * @param addresses the addresses VCC resolved .host (and .port) to, at most one IPv4 and
 *     one IPv6 address, as "ip port" strings
 * @param hostHeader the Host header VCC gives the backend: .host_header, else .host, else
 *     "0.0.0.0" for a .path backend
 * @param probe the probe given with .probe (named, inline or default); empty means the
 *     VCL's default probe applies, if there is one
 * @param preamble the .preamble BLOB, if set
 * @param via the backend this one connects through (.via, Varnish 8.0)
 * @param authority the authority sent to a .via backend: .authority, else .host_header,
 *     else .host, up to a ':' (Varnish 8.0; empty without .via)
 * @param waitTimeout .wait_timeout (Varnish 8.0)
 * @param waitLimit .wait_limit (Varnish 8.0)
 */
public record VclBackend(String name, boolean none, Optional<String> host,
        Optional<String> port, Optional<String> path, List<String> addresses,
        String hostHeader, OptionalDouble connectTimeout, OptionalDouble firstByteTimeout,
        OptionalDouble betweenBytesTimeout, OptionalInt maxConnections,
        OptionalInt proxyHeader, Optional<VclProbe> probe, Optional<byte[]> preamble,
        Optional<String> via, Optional<String> authority, OptionalDouble waitTimeout,
        OptionalInt waitLimit, SourcePos pos) {

    public VclBackend {
        addresses = List.copyOf(addresses);
        preamble = preamble.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> preamble() {
        return preamble.map(byte[]::clone);
    }
}
