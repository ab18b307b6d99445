package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliAddressTest {

    private static CliAddress parse(String text) throws CliAddress.AddressException {
        return CliAddress.parse(text);
    }

    @Test
    void splitsHostAndPort() throws Exception {
        assertEquals(new CliAddress("127.0.0.1:6082", "127.0.0.1", "6082"),
                parse("127.0.0.1:6082"));
        assertEquals(new CliAddress("127.0.0.1 6082", "127.0.0.1", "6082"),
                parse("127.0.0.1 6082"));
        assertEquals(new CliAddress("localhost", "localhost", null), parse("localhost"));
    }

    @Test
    void splitsIpv6Forms() throws Exception {
        assertEquals(new CliAddress("[::1]:6082", "::1", "6082"), parse("[::1]:6082"));
        assertEquals(new CliAddress("[::1] 6082", "::1", "6082"), parse("[::1] 6082"));
        assertEquals(new CliAddress("[::1]", "::1", null), parse("[::1]"));
        assertEquals(new CliAddress("::1", "::1", null), parse("::1"));
    }

    @Test
    void emptyHostIsTheWildcard() throws Exception {
        CliAddress address = parse(":6082");
        assertNull(address.host());
        assertEquals("6082", address.port());
    }

    @Test
    void malformedBracketsAreRejected() {
        assertEquals("IPv6 address lacks ']'",
                assertThrows(CliAddress.AddressException.class, () -> parse("[::1")).getMessage());
        assertEquals("IPv6 address has wrong port separator",
                assertThrows(CliAddress.AddressException.class, () -> parse("[::1]x6082"))
                        .getMessage());
    }

    @Test
    void resolvesNumericAddresses() throws Exception {
        List<InetSocketAddress> resolved = parse("127.0.0.1:6082").resolve();
        assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 6082)),
                resolved);
        assertEquals(0, parse("127.0.0.1").resolve().get(0).getPort());
    }

    @Test
    void nonNumericPortIsRejected() {
        assertThrows(CliAddress.AddressException.class, () -> parse("127.0.0.1:http").resolve());
        assertThrows(CliAddress.AddressException.class,
                () -> parse("127.0.0.1:3000000000").resolve());
        assertThrows(CliAddress.AddressException.class,
                () -> parse("127.0.0.1:99999999999999999999999").resolve());
        assertThrows(CliAddress.AddressException.class, () -> parse("127.0.0.1:-1").resolve());
    }

    /** glibc's getaddrinfo keeps the low 16 bits of the int, as varnishd and varnishadm do. */
    @Test
    void largePortWrapsAsGetaddrinfo() throws Exception {
        assertEquals(34463, parse("127.0.0.1:99999").resolve().get(0).getPort());
        assertEquals(4464, parse("127.0.0.1:70000").resolve().get(0).getPort());
        assertEquals(1, parse("127.0.0.1:4294967297").resolve().get(0).getPort());
        assertEquals(80, parse("127.0.0.1:+80").resolve().get(0).getPort());
    }

    @Test
    void numericHostUsesCompressedIpv6() throws Exception {
        assertEquals("::1", CliAddress.numericHost(InetAddress.getByName("::1")));
        assertEquals("::", CliAddress.numericHost(InetAddress.getByName("::")));
        assertEquals("fe80::1:0:0:2",
                CliAddress.numericHost(InetAddress.getByName("fe80:0:0:0:1:0:0:2")));
        assertEquals("1:0:2::", CliAddress.numericHost(InetAddress.getByName("1:0:2:0:0:0:0:0")));
        assertEquals("127.0.0.1", CliAddress.numericHost(InetAddress.getByName("127.0.0.1")));
    }
}
