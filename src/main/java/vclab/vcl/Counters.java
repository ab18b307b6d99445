package vclab.vcl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The statistics counters of one simulated varnishd, in varnishstat's order: MGT, MAIN,
 * then one VBE group per backend of a warm VCL. Counters vclab does not model (HTTP
 * traffic) exist and stay 0, so that a script expecting them 0 behaves as with varnishd.
 */
public final class Counters {
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final List<String> vbeFields;

    /** @param release "7.1.1" or "8.0.0": whose counter list applies */
    public Counters(String release) {
        Map<String, List<String>> groups = load(release.startsWith("7.") ? "7.1.1" : "8.0.0");
        for (String group : List.of("MGT", "MAIN")) {
            for (String name : groups.getOrDefault(group, List.of())) {
                values.put(group + "." + name, 0L);
            }
        }
        vbeFields = groups.getOrDefault("VBE", List.of("happy"));
    }

    public void add(String name, long delta) {
        values.merge(name, delta, Long::sum);
    }

    public void set(String name, long value) {
        values.put(name, value);
    }

    public long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    /** The VBE fields, "happy" first, as the release defines them. */
    public List<String> vbeFields() {
        return vbeFields;
    }

    /** Visits the fixed counters (MGT and MAIN) in order. */
    public void forEachFixed(BiConsumer<String, Long> visitor) {
        values.forEach(visitor);
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
