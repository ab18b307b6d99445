package vclab.vmod;

import java.util.LinkedHashMap;
import java.util.Map;

/** The simulated VMODs, by the name VCL imports them with. */
public final class Vmods {
    private final Map<String, Vmod> byName = new LinkedHashMap<>();

    /** The VMODs every simulated varnishd has: debug, directors, dynamic, std and vtc. */
    public static Vmods standard() {
        Vmods v = new Vmods();
        v.add(new DebugVmod());
        v.add(new DirectorsVmod());
        v.add(new DynamicVmod());
        v.add(new StdVmod());
        v.add(new VtcVmod());
        return v;
    }

    public void add(Vmod vmod) {
        byName.put(vmod.name(), vmod);
    }

    /** The VMOD, or null if vclab does not simulate it. */
    public Vmod find(String name) {
        return byName.get(name);
    }
}
