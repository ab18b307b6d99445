package vclab.vcl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The statistics counters of one simulated varnishd, in varnishstat's order: MGT, MAIN,
 * then one VBE group per backend of a warm VCL. Counters vclab does not model (HTTP
 * traffic) exist and stay 0, so that a script expecting them 0 behaves as with varnishd.
 */
public final class Counters {
    /** The counter lists of 7.1.1 and 8.0.0, read once; a simulated varnishd only copies them. */
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    /** The fixed counters of one release in order, their positions, and the VBE fields. */
    private record Template(List<String> names, Map<String, Integer> index,
            List<String> vbeFields) {
    }

    private final Template template;
    /** The values of the fixed counters, by their position in {@link Template#names}. */
    private final long[] fixed;
    /** Counters set that the release's list does not have, in the order they appeared. */
    private Map<String, Long> others;

    /** @param release "7.1.1" or "8.0.0": whose counter list applies */
    public Counters(String release) {
        template = TEMPLATES.computeIfAbsent(release.startsWith("7.") ? "7.1.1" : "8.0.0",
                Counters::template);
        fixed = new long[template.names().size()];
    }

    private static Template template(String release) {
        Map<String, List<String>> groups = load(release);
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (String group : List.of("MGT", "MAIN")) {
            for (String name : groups.getOrDefault(group, List.of())) {
                String full = group + "." + name;
                if (index.putIfAbsent(full, names.size()) == null) {
                    names.add(full);
                }
            }
        }
        return new Template(List.copyOf(names), Map.copyOf(index),
                groups.getOrDefault("VBE", List.of("happy")));
    }

    public void add(String name, long delta) {
        Integer i = template.index().get(name);
        if (i != null) {
            fixed[i] += delta;
        } else {
            others().merge(name, delta, Long::sum);
        }
    }

    public void set(String name, long value) {
        Integer i = template.index().get(name);
        if (i != null) {
            fixed[i] = value;
        } else {
            others().put(name, value);
        }
    }

    public long get(String name) {
        Integer i = template.index().get(name);
        if (i != null) {
            return fixed[i];
        }
        return others == null ? 0L : others.getOrDefault(name, 0L);
    }

    private Map<String, Long> others() {
        if (others == null) {
            others = new LinkedHashMap<>();
        }
        return others;
    }

    /** The VBE fields, "happy" first, as the release defines them. */
    public List<String> vbeFields() {
        return template.vbeFields();
    }

    /**
     * Visits the fixed counters (MGT and MAIN) in order, then any other counter set so far, in
     * the order each was first set.
     */
    public void forEachFixed(BiConsumer<String, Long> visitor) {
        List<String> names = template.names();
        for (int i = 0; i < fixed.length; i++) {
            visitor.accept(names.get(i), fixed[i]);
        }
        if (others != null) {
            others.forEach(visitor);
        }
    }

    private static Map<String, List<String>> load(String release) {
        String resource = "counters-" + release + ".txt";
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (InputStream in = Counters.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in,
                    StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] words = line.trim().split(" ");
                if (words.length > 1) {
                    groups.put(words[0], List.of(words).subList(1, words.length));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + resource, e);
        }
        return groups;
    }
}
