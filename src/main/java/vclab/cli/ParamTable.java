package vclab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * varnishd's parameter definitions for one release, sorted by name, with the tag names of the
 * bit-set parameters. The data comes from {@code params-<release>.json}, generated from
 * Varnish's own tables by {@code tools/gen_cli_params.py}; build-dependent defaults (compiler
 * command, paths, TCP keep-alive times) are those of Debian 12's varnish 7.1.1 on x86_64.
 * Tables are immutable and shared between instances.
 */
public final class ParamTable {
    private final List<ParamSpec> parameters;
    private final Map<String, ParamSpec> byName;
    private final Map<String, List<String>> bitNames;

    private ParamTable(List<ParamSpec> parameters, Map<String, List<String>> bitNames) {
        this.parameters = List.copyOf(parameters);
        Map<String, ParamSpec> map = new LinkedHashMap<>();
        for (ParamSpec spec : parameters) {
            map.put(spec.name(), spec);
        }
        this.byName = Map.copyOf(map);
        this.bitNames = Map.copyOf(bitNames);
    }

    /** Returns the table of a release. */
    public static ParamTable of(Dialect dialect) {
        return dialect == Dialect.V7_1 ? Holder.V7_1 : Holder.TRUNK;
    }

    /** Every parameter, aliases included, sorted by name in byte order. */
    public List<ParamSpec> parameters() {
        return parameters;
    }

    /** The definition of a parameter, or null. */
    public ParamSpec find(String name) {
        return byName.get(name);
    }

    /**
     * The names of a bit-set parameter's bits in bit order (debug, experimental, feature,
     * vcc_feature); for vsl_mask, the VSL tags from tag number 1 up.
     */
    public List<String> bitNames(String parameter) {
        List<String> names = bitNames.get(parameter);
        if (names == null) {
            throw new IllegalArgumentException("no bit names for parameter " + parameter);
        }
        return names;
    }

    /** The width of the name column of {@code param.show}: the longest name plus one. */
    public int nameColumnWidth() {
        int width = 0;
        for (ParamSpec spec : parameters) {
            width = Math.max(width, spec.name().length() + 1);
        }
        return width;
    }

    private static final class Holder {
        static final ParamTable V7_1 = load("params-7.1.json");
        static final ParamTable TRUNK = load("params-8.0.json");
    }

    private static ParamTable load(String resource) {
        try (InputStream in = ParamTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource vclab/cli/" + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<ParamSpec> specs = new ArrayList<>();
            for (JsonNode node : root.get("parameters")) {
                specs.add(spec(node));
            }
            specs.sort((a, b) -> a.name().compareTo(b.name()));
            Map<String, List<String>> bits = new LinkedHashMap<>();
            root.get("bits").fields().forEachRemaining(e -> {
                List<String> names = new ArrayList<>();
                e.getValue().forEach(n -> names.add(n.asText()));
                bits.put(e.getKey(), names);
            });
            return new ParamTable(specs, bits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vclab/cli/" + resource, e);
        }
    }

    private static ParamSpec spec(JsonNode node) {
        Set<ParamFlag> flags = EnumSet.noneOf(ParamFlag.class);
        for (JsonNode flag : node.get("flags")) {
            flags.add(ParamFlag.valueOf(flag.asText()));
        }
        return new ParamSpec(text(node, "name"), text(node, "type"), text(node, "min"),
                text(node, "max"), text(node, "def"), text(node, "units"), text(node, "descr"),
                flags, text(node, "dynMinReason"), text(node, "dynMaxReason"),
                text(node, "aliasOf"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
