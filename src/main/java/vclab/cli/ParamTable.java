package vclab.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * Reads a parameter table with Jackson's streaming parser, which loads a small fraction of
     * the classes of its tree model; this runs at the start of every vclab process.
     */
    private static ParamTable load(String resource) {
        try (InputStream in = ParamTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource vclab/cli/" + resource);
            }
            List<ParamSpec> specs = new ArrayList<>();
            Map<String, List<String>> bits = new LinkedHashMap<>();
            try (JsonParser p = new JsonFactory().createParser(in)) {
                expect(p, p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("parameters")) {
                        expect(p, value, JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            specs.add(spec(p));
                        }
                    } else if (field.equals("bits")) {
                        expect(p, value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            bits.put(name, strings(p));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
            specs.sort((a, b) -> a.name().compareTo(b.name()));
            return new ParamTable(specs, bits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vclab/cli/" + resource, e);
        }
    }

    /** Reads one parameter object; the parser is at its START_OBJECT. */
    private static ParamSpec spec(JsonParser p) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        Set<ParamFlag> flags = EnumSet.noneOf(ParamFlag.class);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (field.equals("flags")) {
                for (String flag : strings(p)) {
                    flags.add(ParamFlag.valueOf(flag));
                }
            } else {
                JsonToken t = p.nextToken();
                f.put(field, t == JsonToken.VALUE_NULL ? null : p.getValueAsString());
            }
        }
        return new ParamSpec(f.get("name"), f.get("type"), f.get("min"), f.get("max"),
                f.get("def"), f.get("units"), f.get("descr"), flags, f.get("dynMinReason"),
                f.get("dynMaxReason"), f.get("aliasOf"));
    }

    /** Reads the array of strings that comes next. */
    private static List<String> strings(JsonParser p) throws IOException {
        expect(p, p.nextToken(), JsonToken.START_ARRAY);
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(p.getValueAsString());
        }
        return list;
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken expected)
            throws IOException {
        if (got != expected) {
            throw new IOException("expected " + expected + ", found " + got + " at "
                    + p.currentLocation());
        }
    }
}
