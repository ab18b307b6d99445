package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/**
 * VCC's Resolve_Sockaddr: turns "host", "host port" or "host:port" into at most one IPv4
 * and one IPv6 address. Names are looked up with {@link HostTable} (numeric forms,
 * /etc/hosts and /etc/services), never in DNS, so compiling stays local and repeatable.
 */
final class Addresses {
    /** The addresses found: numeric text of each family (or null) and the port. */
    record Resolved(String ipv4, String ipv6, int port, List<String> all) {
    }

    private Addresses() {
    }

    /**
     * Resolves {@code host} (defaulting the port to {@code defPort}) and reports VCC's
     * errors at {@code tErr}; returns null after an error.
     */
    static Resolved resolve(Compilation tl, String host, String defPort, int maxips,
            VclToken tErr, String errid) {
        String[] hp = new String[2];
        String err = parse(host, hp);
        List<HostTable.Address> found = new ArrayList<>();
        int port = 0;
        if (err == null) {
            String portText = hp[1] != null ? hp[1] : defPort;
            Integer p = HostTable.port(portText);
            if (p == null) {
                err = "Servname not supported for ai_socktype";
            } else {
                port = p;
                found = HostTable.lookup(hp[0]);
                if (found == null) {
                    err = "Name or service not known";
                }
            }
        }
        if (err != null) {
            tl.sb.cat(errid).cat(" '").cat(tErr.text())
                    .cat("' could not be resolved to an IP address:\n\t").cat(err)
                    .cat("\n(Sorry if that error message is gibberish.)\n");
            tl.errWhere(tErr);
            return null;
        }
        String v4 = null;
        String v6 = null;
        int n = 0;
        boolean wrong = false;
        StringBuilder list = new StringBuilder();
        List<String> all = new ArrayList<>();
        for (HostTable.Address a : found) {
            list.append('\t').append(a.text()).append(':').append(port).append('\n');
            all.add(a.text() + " " + port);
            if (a.v6()) {
                if (v6 == null) {
                    v6 = a.text();
                } else if (!v6.equals(a.text())) {
                    wrong = true;
                }
            } else if (v4 == null) {
                v4 = a.text();
            } else if (!v4.equals(a.text())) {
                wrong = true;
            }
            n++;
        }
        if (n == 0) {
            tl.sb.cat(errid).cat(" '").cat(tErr.text())
                    .cat("': resolves to neither IPv4 nor IPv6 addresses.\n");
            tl.errWhere(tErr);
        }
        if (wrong || n > maxips) {
            tl.sb.cat(errid).cat(" ").cat(tErr.text())
                    .cat(": resolves to too many addresses.\nOnly one IPv4 ")
                    .cat(maxips > 1 ? "and one" : "or")
                    .cat(" IPv6 are allowed.\nPlease specify which exact address you want "
                            + "to use, we found all of these:\n")
                    .cat(list.toString());
            tl.errWhere(tErr);
        }
        return tl.sb.err ? null : new Resolved(v4, v6, port, all);
    }

    /** vss_parse: splits host and port; hp[0] is null for ":port". Returns an error text. */
    static String parse(String s, String[] hp) {
        hp[0] = null;
        hp[1] = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return "IPv6 address lacks ']'";
            }
            hp[0] = s.substring(1, close);
            if (close + 1 == s.length()) {
                return null;
            }
            char sep = s.charAt(close + 1);
            if (sep != ' ' && sep != ':') {
                return "IPv6 address has wrong port separator";
            }
            hp[1] = s.substring(close + 2);
            return null;
        }
        hp[0] = s;
        int p = s.indexOf(' ');
        if (p < 0) {
            p = s.indexOf(':');
        }
        if (p < 0) {
            return null;
        }
        if (s.charAt(p) == ':' && s.indexOf(':', p + 1) >= 0) {
            return null;
        }
        hp[0] = p == 0 ? null : s.substring(0, p);
        hp[1] = s.substring(p + 1);
        return null;
    }
}
