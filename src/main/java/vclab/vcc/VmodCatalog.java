package vclab.vcc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VMODs that {@code import} can find, by name. A catalog is immutable; two catalogs
 * with the same specs are equal, which lets compile results be cached across instances.
 */
public final class VmodCatalog {
    /** The VMODs that vclab simulates. */
    public static final List<String> STANDARD_VMODS =
            List.of("std", "directors", "debug", "vtc", "dynamic");
    /** Further VMODs of Varnish 7.1 whose declarations ship with vclab, for compiling only. */
    public static final List<String> OTHER_VMODS =
            List.of("blob", "cookie", "proxy", "purge", "unix");

    private final Map<String, VmodSpec> specs;
    private final int hash;

    private VmodCatalog(Map<String, VmodSpec> specs) {
        this.specs = specs;
        this.hash = specs.hashCode();
    }

    /** Makes a catalog of specs; a later spec replaces an earlier one of the same name. */
    public static VmodCatalog of(Collection<VmodSpec> specs) {
        Map<String, VmodSpec> m = new LinkedHashMap<>();
        for (VmodSpec s : specs) {
            m.put(s.name(), s);
        }
        return new VmodCatalog(java.util.Collections.unmodifiableMap(m));
    }

    /** Returns the declarations of {@link #STANDARD_VMODS}, read once from the class path. */
    public static VmodCatalog standard() {
        return Standard.CATALOG;
    }

    /** {@link #standard()} plus {@link #OTHER_VMODS}: what a Varnish 7.1 install offers. */
    public static VmodCatalog all() {
        return Standard.ALL;
    }

    /** Reads a spec from a class path resource in vclab's VMOD declaration format. */
    public static VmodSpec load(String resource) {
        try (InputStream in = VmodCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("VMOD spec resource not found: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return VmodSpecParser.parse(resource, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read VMOD spec " + resource, e);
        }
    }

    public Optional<VmodSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    public List<String> names() {
        return new ArrayList<>(specs.keySet());
    }

    /** Returns a catalog with this one's specs plus {@code spec}, replacing a namesake. */
    public VmodCatalog with(VmodSpec spec) {
        List<VmodSpec> all = new ArrayList<>(specs.values());
        all.add(spec);
        return of(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VmodCatalog c && c.hash == hash && c.specs.equals(specs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    private static final class Standard {
        static final VmodCatalog CATALOG = load(STANDARD_VMODS);
        static final VmodCatalog ALL = CATALOG.withAll(load(OTHER_VMODS));

        private static VmodCatalog load(List<String> names) {
            List<VmodSpec> l = new ArrayList<>();
            for (String n : names) {
                l.add(VmodCatalog.load("vmods/" + n + ".vmod"));
            }
            return of(l);
        }
    }

    private VmodCatalog withAll(VmodCatalog other) {
        List<VmodSpec> all = new ArrayList<>(specs.values());
        all.addAll(other.specs.values());
        return of(all);
    }
}
