package vclab.cli;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code -T} style address split as varnishd's VSS does: {@code host:port}, {@code host port},
 * {@code [v6]:port}, {@code [v6] port}, {@code :port}, a bare host, or a bare IPv6 address.
 *
 * @param text the argument as given, for messages
 * @param host the host part, or null for the wildcard address (as in {@code :6082})
 * @param port the port part, or null when absent (port 0)
 */
public record CliAddress(String text, String host, String port) {
    private static final BigInteger ULONG_RANGE = BigInteger.ONE.shiftLeft(64);

    /** An address that could not be split or resolved; the message is varnishd's text. */
    public static final class AddressException extends Exception {
        private static final long serialVersionUID = 1L;

        public AddressException(String message) {
            super(message);
        }
    }

    /** Splits an address; fails with VSS's messages for malformed IPv6 brackets. */
    public static CliAddress parse(String text) throws AddressException {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new AddressException("IPv6 address lacks ']'");
            }
            String host = text.substring(1, close);
            if (close + 1 == text.length()) {
                return new CliAddress(text, host, null);
            }
            char separator = text.charAt(close + 1);
            if (separator != ' ' && separator != ':') {
                throw new AddressException("IPv6 address has wrong port separator");
            }
            return new CliAddress(text, host, text.substring(close + 2));
        }
        int separator = text.indexOf(' ');
        if (separator < 0) {
            separator = text.indexOf(':');
        }
        if (separator < 0) {
            return new CliAddress(text, text, null);
        }
        if (text.charAt(separator) == ':' && text.indexOf(':', separator + 1) >= 0) {
            return new CliAddress(text, text, null);
        }
        String host = separator == 0 ? null : text.substring(0, separator);
        return new CliAddress(text, host, text.substring(separator + 1));
    }

    /**
     * Resolves the address to socket addresses in the resolver's order. A missing host gives
     * the IPv4 and IPv6 wildcard addresses, and a missing port gives port 0.
     *
     * @throws AddressException with getaddrinfo's wording when the host or port is unknown
     */
    public List<InetSocketAddress> resolve() throws AddressException {
        int portNumber = parsePort();
        InetAddress[] addresses;
        try {
            addresses = host == null
                    ? new InetAddress[] {InetAddress.getByName("0.0.0.0"),
                        InetAddress.getByName("::")}
                    : InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new AddressException("Name or service not known");
        }
        List<InetSocketAddress> result = new ArrayList<>();
        for (InetAddress address : addresses) {
            result.add(new InetSocketAddress(address, portNumber));
        }
        return result;
    }

    /**
     * Reads the port as glibc's getaddrinfo reads a numeric service: strtoul, then the low 32
     * bits as an int, of which the low 16 bits are the port. So varnishd 7.1.1 listens on
     * 34463 for {@code -T 127.0.0.1:99999}, and a value whose int is negative is rejected.
     */
    private int parsePort() throws AddressException {
        if (port == null || port.isEmpty()) {
            return 0;
        }
        // NOTE: getaddrinfo also takes service names from /etc/services ("http"); only
        // numbers are taken here.
        if (!port.matches("[+-]?[0-9]+")) {
            throw new AddressException("Servname not supported for ai_socktype");
        }
        BigInteger value = new BigInteger(port.startsWith("+") ? port.substring(1) : port);
        // strtoul saturates beyond its range and negates within it, modulo 2^64.
        BigInteger unsigned = value.abs().compareTo(ULONG_RANGE) >= 0
                ? ULONG_RANGE.subtract(BigInteger.ONE) : value.mod(ULONG_RANGE);
        int service = unsigned.intValue();
        if (service < 0) {
            throw new AddressException("Servname not supported for ai_socktype");
        }
        return service & 0xffff;
    }

    /** Formats a bound socket as varnishd publishes it in VSM: {@code <address> <port>}. */
    public static String vsmLine(InetSocketAddress socket) {
        return numericHost(socket.getAddress()) + " " + socket.getPort();
    }

    /**
     * Formats an address as getnameinfo(NI_NUMERICHOST) does: dotted IPv4, or IPv6 in the
     * RFC 5952 form ({@code ::1}), where Java would write {@code 0:0:0:0:0:0:0:1}.
     */
    public static String numericHost(InetAddress address) {
        String text = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return text;
        }
        int percent = text.indexOf('%');
        String scope = percent < 0 ? "" : text.substring(percent);

        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }

        // RFC 5952: the longest run of two or more zero groups becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }

        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.append(scope).toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
