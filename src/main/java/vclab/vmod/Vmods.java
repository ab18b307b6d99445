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

    /**
     * The VMOD by name. One vclab does not simulate is inert: it has no event function, and
     * calling its functions fails the VCL with a message naming the function.
     */
    public Vmod find(String name) {
        Vmod v = byName.get(name);
        return v != null ? v : new Vmod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Instance instantiate(VmodContext context) {
                return new Instance(context) {
                    @Override
                    public Object call(vclab.vrt.VrtCtx ctx, String fn, java.util.List<Object> a) {
                        ctx.fail("vclab does not simulate " + name + "." + fn + "()");
                        return null;
                    }

                    @Override
                    public VmodObject construct(vclab.vrt.VrtCtx ctx, String cls, String obj,
                            java.util.List<Object> a) {
                        ctx.fail("vclab does not simulate " + name + "." + cls);
                        return (c, n, x) -> null;
                    }
                };
            }
        };
    }
}
