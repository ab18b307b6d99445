package vclab.vmod;

import vclab.sched.SimThread;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.DirectorSlot;
import vclab.vrt.ProbeSpec;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * The switches of the test-only variant of the debug VMOD that reproduced the race catalogue
 * on real builds, one CLI command each, without a second thread. Keyed on max_esi_depth, and
 * active only after {@code debug.switches on}:
 *
 * <ul>
 * <li>41: the WARM handler creates backends xwarm0 and xwarm1 (with the VCL's default probe),
 *     then goes on as usual (race R1);
 * <li>42: the same two backends, then the WARM handler fails (R3, R6);
 * <li>40: the LOAD handler creates backend xinit, the WARM handler deletes it (R2);
 * <li>39: backend xthr and director xjoin, whose COLD handler starts a thread that drops
 *     xthr's only reference and waits for it (R4).
 * </ul>
 *
 * NOTE: the variant's description has switch 39 create xthr in the WARM handler, but a backend
 * created there gets the VCL's default probe and a second WARM from the walk, which panics
 * releases before pr4205 at load time, while the recorded outcome is the hang at
 * {@code vcl.state cold}. vclab creates xthr and xjoin in the LOAD handler, so that they are
 * warmed once, by the walk.
 *
 * Without the command, max_esi_depth 42 only fails the warm-up, as the real debug VMOD does.
 */
final class DebugSwitches {
    /** The key of the on/off state in the child's process-wide VMOD state. */
    static final String ENABLED = "debug.switches";

    private final VmodContext vc;
    private final DirectorSlot xinit = new DirectorSlot("debug xinit");
    private final DirectorSlot xthr = new DirectorSlot("debug xthr");
    private Director xjoin;

    DebugSwitches(VmodContext vc) {
        this.vc = vc;
    }

    private int setting() {
        if (!Boolean.TRUE.equals(vc.child().varnishd().vmodSwitches().get(ENABLED))) {
            return 0;
        }
        return (int) vc.params().uint("max_esi_depth");
    }

    /** The part of the LOAD handler: switch 40 creates xinit, switch 39 xthr and xjoin. */
    void load(VrtCtx ctx) {
        if (setting() == 40) {
            xinit.value = backend(ctx, "xinit");
        } else if (setting() == 39) {
            xthr.value = backend(ctx, "xthr");
            xjoin = vc.vrt().addDirector(ctx, new Joiner(ctx), null, "xjoin");
        }
    }

    /** The part of the WARM handler that runs before the usual one (which fails at 42). */
    void warm(VrtCtx ctx) {
        switch (setting()) {
            case 40 -> {
                if (xinit.value != null) {
                    vc.vrt().deleteBackend(ctx, xinit);
                }
            }
            case 41, 42 -> {
                backend(ctx, "xwarm0");
                backend(ctx, "xwarm1");
            }
            default -> {
            }
        }
    }

    private Director backend(VrtCtx ctx, String name) {
        ProbeSpec probe = vc.vcl().program == null ? null : vc.vcl().program.defaultProbe();
        return vc.vrt().newBackend(ctx, name, "127.0.0.1", "80", null, probe);
    }

    /** xjoin: on COLD, a thread drops xthr's only reference while the handler waits for it. */
    private final class Joiner implements DirectorMethods {
        private final VrtCtx ctx;

        Joiner(VrtCtx ctx) {
            this.ctx = ctx;
        }

        @Override
        public String type() {
            return "debug.join";
        }

        @Override
        public boolean hasEvent() {
            return true;
        }

        @Override
        public void event(Director d, VclEvent e) {
            if (e == VclEvent.DISCARD && d == xjoin) {
                // Like any VMOD director, xjoin deletes itself when its VCL is discarded.
                xjoin = null;
                vc.vrt().delDirector(d);
                return;
            }
            if (e != VclEvent.COLD || xthr.value == null) {
                return;
            }
            SimThread t = vc.spawn("debug xthr " + vc.vclName(),
                    () -> vc.vrt().deleteBackend(ctx, xthr));
            vc.scheduler().join(t);
        }
    }
}
