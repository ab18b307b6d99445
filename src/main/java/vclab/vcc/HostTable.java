package vclab.vcc;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Name and port lookups for VCC's address checks, without DNS: numeric addresses as
 * getaddrinfo reads them, host names from /etc/hosts, service names from /etc/services.
 */
final class HostTable {
    /** A numeric address; {@code text} is its canonical form. */
    record Address(String text, boolean v6, byte[] bytes) {
    }

    private HostTable() {
    }

    /**
     * Returns the addresses of a host, or null when the name is unknown. A null host gives
     * the wildcard address of each family, as a passive getaddrinfo lookup does.
     */
    static List<Address> lookup(String host) {
        List<Address> out = new ArrayList<>();
        if (host == null) {
            out.add(new Address("0.0.0.0", false, new byte[4]));
            out.add(new Address("::", true, new byte[16]));
            return out;
        }
        Address a = numeric(host);
        if (a != null) {
            out.add(a);
            return out;
        }
        for (String line : lines("/etc/hosts")) {
            String[] w = line.split("#", 2)[0].trim().split("\\s+");
            for (int i = 1; i < w.length; i++) {
                if (w[i].equalsIgnoreCase(host)) {
                    Address x = numeric(w[0]);
                    if (x != null && !out.contains(x)) {
                        out.add(x);
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Parses an IPv4 address in inet_aton's forms (1 to 4 parts) or IPv6; else null. */
    static Address numeric(String s) {
        byte[] v4 = parseV4(s);
        if (v4 != null) {
            return new Address((v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff)
                    + "." + (v4[3] & 0xff), false, v4);
        }
        if (s.indexOf(':') < 0 || !s.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?")) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet6Address) {
                String text = a.getHostAddress().replaceAll("%.*$", "");
                return new Address(compress(text), true, a.getAddress());
            }
            byte[] b = a.getAddress();
            return new Address(a.getHostAddress(), false, b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (p.startsWith("0x") || p.startsWith("0X")) {
                    v[i] = Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    v[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    if (!p.matches("[0-9]+")) {
                        return null;
                    }
                    v[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long addr;
        int n = parts.length;
        for (int i = 0; i < n - 1; i++) {
            if (v[i] > 255) {
                return null;
            }
        }
        long last = v[n - 1];
        if (last >= 1L << (8 * (5 - n))) {
            return null;
        }
        addr = last;
        for (int i = 0; i < n - 1; i++) {
            addr |= v[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (addr >> 24), (byte) (addr >> 16), (byte) (addr >> 8),
            (byte) addr};
    }

    /** Returns the RFC 5952 text of an IPv6 address: the longest zero run as "::". */
    static String compress(String full) {
        String[] g = full.split(":");
        if (g.length != 8) {
            return full.toLowerCase(Locale.ROOT);
        }
        int[] v = new int[8];
        for (int i = 0; i < 8; i++) {
            v[i] = Integer.parseInt(g[i], 16);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && v[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(v[i]));
        }
        return sb.toString();
    }

    /**
     * Returns a numeric port, or a TCP service from /etc/services; null if unknown. Like
     * glibc, a port is numeric when strtoul reads all of it (leading blanks and a sign).
     */
    static Integer port(String s) {
        String n = s.stripLeading();
        if (n.matches("[+-]?[0-9]*")) {
            String digits = n.replaceFirst("^[+-]", "");
            long v = 0;
            for (int i = 0; i < digits.length(); i++) {
                v = (v * 10 + digits.charAt(i) - '0') & 0xffffffffL;
            }
            return (int) ((n.startsWith("-") ? -v : v) & 0xffff);
        }
        for (String line : lines("/etc/services")) {
            String[] w = line.split("#", 2)[0].trim().split("\\s+");
            if (w.length < 2 || !w[1].endsWith("/tcp")) {
                continue;
            }
            for (int i = 0; i < w.length; i++) {
                if (i != 1 && w[i].equals(s)) {
                    return Integer.parseInt(w[1].substring(0, w[1].indexOf('/')));
                }
            }
        }
        if (s.equals("http")) {
            return 80;
        }
        if (s.equals("https")) {
            return 443;
        }
        return null;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
    }
}
