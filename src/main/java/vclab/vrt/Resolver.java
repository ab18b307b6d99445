package vclab.vrt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated name resolver that dynamic backends use. A script sets what each name
 * resolves to and from which virtual time on; literal addresses resolve to themselves and
 * unknown names to nothing. No real lookup ever happens, so runs stay deterministic.
 */
public final class Resolver {
    /** One timed answer: from {@code fromNanos} on, the name resolves to {@code addresses}. */
    private record Answer(long fromNanos, List<String> addresses) {
    }

    private final Map<String, List<Answer>> answers = new LinkedHashMap<>();
    private final Map<String, Long> latency = new LinkedHashMap<>();

    /**
     * Sets what {@code name} resolves to from virtual time {@code fromNanos} on; an empty list
     * makes it unresolvable from then on.
     */
    public void set(String name, List<String> addresses, long fromNanos) {
        List<Answer> list = answers.computeIfAbsent(name, k -> new ArrayList<>());
        list.removeIf(a -> a.fromNanos >= fromNanos);
        list.add(new Answer(fromNanos, List.copyOf(addresses)));
    }

    /** Sets how long a lookup of {@code name} takes, in virtual time. */
    public void setLatency(String name, long nanos) {
        latency.put(name, nanos);
    }

    public long latency(String name) {
        return latency.getOrDefault(name, 0L);
    }

    /** The addresses {@code name} resolves to at virtual time {@code nowNanos}. */
    public List<String> resolve(String name, long nowNanos) {
        if (isLiteral(name)) {
            return List.of(name);
        }
        List<Answer> list = answers.get(name);
        if (list == null) {
            return List.of();
        }
        List<String> current = List.of();
        for (Answer a : list) {
            if (a.fromNanos <= nowNanos) {
                current = a.addresses;
            }
        }
        return current;
    }

    /** One line per name and answer, for listings. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        answers.forEach((name, list) -> {
            for (Answer a : list) {
                lines.add(name + " from " + a.fromNanos / 1e9 + "s: "
                        + (a.addresses.isEmpty() ? "(no address)" : String.join(" ", a.addresses))
                        + (latency.containsKey(name) ? ", lookups take "
                                + latency.get(name) / 1e9 + "s" : ""));
            }
        });
        return lines;
    }

    /** Returns true for an IPv4 literal (digits and dots) or anything with a colon (IPv6). */
    static boolean isLiteral(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':') {
                return true;
            }
            if (c != '.' && (c < '0' || c > '9')) {
                return name.indexOf(':', i) >= 0;
            }
        }
        return true;
    }
}
