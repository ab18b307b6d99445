package vclab.vmod;

import java.util.List;
import vclab.vrt.VrtCtx;

/**
 * vmod_vtc: the test helpers. {@code sleep} sleeps in virtual time; the rest have no effect
 * without HTTP traffic.
 */
public final class VtcVmod implements Vmod {
    @Override
    public String name() {
        return "vtc";
    }

    @Override
    public Instance instantiate(VmodContext context) {
        return new Instance(context) {
            @Override
            public Object call(VrtCtx ctx, String name, List<Object> args) {
                switch (name) {
                    case "sleep" -> {
                        vc.scheduler().sleep(((Dur) args.get(0)).nanos());
                        return null;
                    }
                    case "panic" -> throw new vclab.vrt.Panic(
                            "Panic from VCL:\n  PANIC:" + (args.isEmpty() ? "" : args.get(0)));
                    case "no_backend", "no_probe" -> {
                        return null;
                    }
                    default -> {
                        ctx.fail("vclab does not simulate vtc." + name + "()");
                        return null;
                    }
                }
            }
        };
    }
}
