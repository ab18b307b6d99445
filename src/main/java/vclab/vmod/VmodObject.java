package vclab.vmod;

import java.util.List;
import vclab.vrt.VrtCtx;

/** An object created by {@code new} in vcl_init. */
public interface VmodObject {
    /** Calls method {@code name} with evaluated, defaulted arguments. */
    Object call(VrtCtx ctx, String name, List<Object> args);

    /** The destructor, run on DISCARD after vcl_fini, in reverse creation order. */
    default void destroy(VrtCtx ctx) {
    }
}
