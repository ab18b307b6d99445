package vclab.vmod;

import java.util.List;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * A simulated VMOD. A VCL that imports it gets one {@link Instance}, its PRIV_VCL, which
 * receives the VCL's events and runs its functions and object constructors.
 */
public interface Vmod {
    String name();

    /** Creates the per-VCL state at the import's init step. */
    Instance instantiate(VmodContext context);

    /** One VCL's view of a VMOD. */
    abstract class Instance {
        protected final VmodContext vc;

        protected Instance(VmodContext vc) {
            this.vc = vc;
        }

        /** Whether the VMOD has an event function; only then does it get events. */
        public boolean hasEvent() {
            return false;
        }

        /**
         * The event function.
         *
         * @return 0, or non-zero with a message written to {@code ctx.msg}
         */
        public int event(VrtCtx ctx, VclEvent event) {
            return 0;
        }

        /**
         * Calls function {@code name} with its arguments, already evaluated, defaulted and
         * in declaration order (PRIV arguments left out).
         */
        public Object call(VrtCtx ctx, String name, List<Object> args) {
            throw new IllegalArgumentException("VMOD function " + name + " is not simulated");
        }

        /**
         * Calls function {@code name} as {@link #call(VrtCtx, String, List)} does, with one
         * flag per argument that is true when the VCL gave it. A given argument may still be
         * null, for example an unset header. VMODs whose functions check which optional
         * arguments were given override this method.
         */
        public Object call(VrtCtx ctx, String name, List<Object> args, List<Boolean> given) {
            return call(ctx, name, args);
        }

        /** Constructs {@code new objName = vmod.className(args)} in vcl_init. */
        public VmodObject construct(VrtCtx ctx, String className, String objName,
                List<Object> args) {
            throw new IllegalArgumentException("VMOD object " + className + " is not simulated");
        }
    }
}
