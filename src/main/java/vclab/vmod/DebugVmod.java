package vclab.vmod;

import java.util.List;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.DirectorSlot;
import vclab.vrt.Panic;
import vclab.vrt.ProbeSpec;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * The lifecycle parts of Varnish's debug VMOD: the event records, the discard reference
 * taken on WARM and released on COLD (at once or after {@code vcl_discard_delay}), the
 * {@code dir_warmcold} director, the failing warm-up when {@code max_esi_depth} is 42 and the
 * failing load when {@code nuke_limit} is 42, {@code cold_backend()}, {@code
 * cooling_backend()}, cold references, failures, and the {@code dyn} and {@code director}
 * objects.
 */
public final class DebugVmod implements Vmod {
    @Override
    public String name() {
        return "debug";
    }

    @Override
    public Instance instantiate(VmodContext context) {
        return new PrivVcl(context);
    }

    /** The debug VMOD's director without callbacks, registered on WARM. */
    private static final DirectorMethods EMPTY = () -> "debug.dummy";

    /** The per-VCL record (PRIV_VCL). */
    private static final class PrivVcl extends Instance {
        Object discardRef;
        Object coldRef;
        long discardDelay;
        Director warmcold;
        boolean coldBackend;
        boolean coolingBackend;
        boolean loaded;
        final DebugSwitches switches;

        PrivVcl(VmodContext vc) {
            super(vc);
            this.switches = new DebugSwitches(vc);
        }

        @Override
        public boolean hasEvent() {
            return true;
        }

        @Override
        public int event(VrtCtx ctx, VclEvent event) {
            return switch (event) {
                case LOAD -> load(ctx);
                case WARM -> warm(ctx);
                case COLD -> cold(ctx);
                case DISCARD -> discard(ctx);
            };
        }

        private int load(VrtCtx ctx) {
            vc.child().vmodState().merge("debug.loads", 1, (a, b) -> (Integer) a + (Integer) b);
            if (vc.params().uint("nuke_limit") == 42) {
                ctx.msg.append("nuke_limit is not the answer.");
                return -1;
            }
            loaded = true;
            if (before73()) {
                // The LOAD event of 7.1 and 7.2 registers its rot13 filter twice to check that
                // the second VRT_AddFilter fails. It resets the failure but not its message,
                // so the message starts every later failure text of the same load.
                ctx.msg.append("VFP already registered (per-vcl)\n");
            }
            switches.load(ctx);
            return 0;
        }

        /** Returns true when the modelled release's debug VMOD is that of 7.1 or 7.2. */
        private boolean before73() {
            String version = vc.vrt().host().release().version();
            return version.startsWith("7.1.") || version.startsWith("7.2.");
        }

        private int warm(VrtCtx ctx) {
            vc.log("Debug", vc.vclName() + ": VCL_EVENT_WARM");
            switches.warm(ctx);
            if (vc.params().uint("max_esi_depth") == 42) {
                ctx.msg.append("max_esi_depth is not the answer.");
                return -1;
            }
            if (discardRef != null) {
                throw Panic.assertion("event_warm", "vmod_debug.c",
                        vc.release().line("event_warm.vclref_discard"),
                        "(priv_vcl->vclref_discard) == 0");
            }
            if (!coldBackend) {
                discardRef = vc.vrt().preventDiscard(ctx, "vmod-debug ref on " + vc.vclName());
            }
            warmcold = vc.vrt().addDirector(ctx, EMPTY, null, "dir_warmcold");
            return 0;
        }

        private int cold(VrtCtx ctx) {
            vc.log("Debug", vc.vclName() + ": VCL_EVENT_COLD");
            if (warmcold != null) {
                Director d = warmcold;
                warmcold = null;
                vc.vrt().delDirector(d);
            }
            if (coldBackend) {
                vc.vrt().newBackend(ctx, "doomed", null, null, "/", null);
                throw new IllegalStateException("debug.cold_backend: unreachable");
            }
            if (coolingBackend) {
                Director d = vc.vrt().newBackend(ctx, "doomed", null, null, "/", null);
                if (d != null) {
                    throw Panic.assertion("event_cold", "vmod_debug.c",
                            vc.release().line("event_cold.be"), "(priv_vcl->be) == 0");
                }
            }
            if (discardRef == null) {
                return 0;
            }
            if (discardDelay == 0) {
                Object ref = discardRef;
                discardRef = null;
                vc.vrt().allowDiscard(ref);
                return 0;
            }
            Object ref = discardRef;
            long delay = discardDelay;
            vc.spawn("debug cooldown " + vc.vclName(), () -> {
                vc.scheduler().sleep(delay);
                discardRef = null;
                vc.vrt().allowDiscard(ref);
            });
            return 0;
        }

        private int discard(VrtCtx ctx) {
            vc.child().vmodState().merge("debug.loads", -1, (a, b) -> (Integer) a + (Integer) b);
            if (discardRef != null) {
                throw Panic.assertion("priv_vcl_fini", "vmod_debug.c",
                        vc.release().line("priv_vcl_fini.vclref_discard"),
                        "(priv_vcl->vclref_discard) == 0");
            }
            if (coldRef != null) {
                throw Panic.assertion("priv_vcl_fini", "vmod_debug.c",
                        vc.release().line("priv_vcl_fini.vclref_cold"),
                        "(priv_vcl->vclref_cold) == 0");
            }
            return 0;
        }

        @Override
        public Object call(VrtCtx ctx, String name, List<Object> args) {
            switch (name) {
                case "vcl_discard_delay" -> {
                    Dur d = (Dur) args.get(0);
                    if (d.nanos() <= 0) {
                        throw Panic.assertion("xyzzy_vcl_discard_delay", "vmod_debug.c",
                                vc.release().line("xyzzy_vcl_discard_delay.delay"),
                                "delay > 0.0");
                    }
                    discardDelay = d.nanos();
                    return null;
                }
                case "cold_backend" -> {
                    coldBackend = true;
                    return null;
                }
                case "cooling_backend" -> {
                    coolingBackend = true;
                    return null;
                }
                case "vcl_prevent_cold" -> {
                    if (coldRef != null) {
                        throw Panic.assertion("xyzzy_vcl_prevent_cold", "vmod_debug.c",
                                vc.release().line("xyzzy_vcl_prevent_cold.vclref_cold"),
                                "(priv_vcl->vclref_cold) == 0");
                    }
                    coldRef = vc.vrt().preventCold(ctx, "vmod-debug ref on " + vc.vclName());
                    return null;
                }
                case "vcl_allow_cold" -> {
                    if (coldRef == null) {
                        throw Panic.assertion("xyzzy_vcl_allow_cold", "vmod_debug.c",
                                vc.release().line("xyzzy_vcl_allow_cold.vclref_cold"),
                                "(priv_vcl->vclref_cold) != 0");
                    }
                    Object ref = coldRef;
                    coldRef = null;
                    vc.vrt().allowCold(ref);
                    return null;
                }
                case "fail" -> {
                    ctx.fail("Forced failure");
                    return null;
                }
                case "fail2" -> {
                    ctx.fail("Forced failure");
                    return Boolean.TRUE;
                }
                default -> {
                    ctx.fail("vclab does not simulate debug." + name + "()");
                    return null;
                }
            }
        }

        @Override
        public VmodObject construct(VrtCtx ctx, String className, String objName,
                List<Object> args) {
            switch (className) {
                case "obj" -> {
                    // debug.obj("fail") fails from 7.3; older releases create the object.
                    if (!args.isEmpty() && "fail".equals(args.get(0)) && !before73()) {
                        ctx.fail("failing as requested");
                    }
                    return (c, n, a) -> null;
                }
                case "director" -> {
                    return new DebugDirector(vc, ctx, objName);
                }
                case "dyn" -> {
                    return new Dyn(vc, ctx, objName, args);
                }
                default -> {
                    ctx.fail("vclab does not simulate debug." + className);
                    return (c, n, a) -> null;
                }
            }
        }
    }

    /** debug.director(): a director with resolve and healthy callbacks but no events. */
    private static final class DebugDirector implements VmodObject, DirectorMethods {
        private final VmodContext vc;
        private Director director;

        DebugDirector(VmodContext vc, VrtCtx ctx, String name) {
            this.vc = vc;
            this.director = vc.vrt().addDirector(ctx, this, this, name);
        }

        @Override
        public String type() {
            return "debug.director";
        }

        @Override
        public boolean hasHealthy() {
            return true;
        }

        @Override
        public Object call(VrtCtx ctx, String name, List<Object> args) {
            return director;
        }

        @Override
        public void destroy(VrtCtx ctx) {
            if (director != null) {
                Director d = director;
                director = null;
                vc.vrt().delDirector(d);
            }
        }
    }

    /**
     * debug.dyn(addr, port, probe, via): one native backend created synchronously, replaced by
     * {@code refresh()}. Every generation is named after the object.
     */
    private static final class Dyn implements VmodObject {
        private final VmodContext vc;
        private final String name;
        private final DirectorSlot current;

        Dyn(VmodContext vc, VrtCtx ctx, String name, List<Object> args) {
            this.vc = vc;
            this.name = name;
            this.current = new DirectorSlot("debug.dyn " + name);
            String addr = (String) args.get(0);
            String port = (String) args.get(1);
            if (addr == null || addr.isEmpty() || port == null || port.isEmpty()) {
                ctx.fail("Missing dynamic backend address or port");
                return;
            }
            refresh(ctx, addr, port, args.size() > 2 ? (ProbeSpec) args.get(2) : null);
        }

        private void refresh(VrtCtx ctx, String addr, String port, ProbeSpec probe) {
            List<String> resolved = vc.resolver().resolve(addr, vc.scheduler().now());
            if (resolved.size() != 1) {
                // VSS_ResolveOne returns NULL unless the name resolves to exactly one address.
                throw Panic.assertion("dyn_dir_init", "vmod_debug_dyn.c",
                        vc.release().line("dyn_dir_init.sa"), "(sa) != 0");
            }
            Director be = vc.vrt().newBackend(ctx, name, addr, port, null, probe);
            if (be == null) {
                throw Panic.assertion("dyn_dir_init", "vmod_debug_dyn.c",
                        vc.release().line("dyn_dir_init.dir"), "(dir) != 0");
            }
            DirectorSlot old = new DirectorSlot("debug.dyn previous");
            old.value = current.value;
            current.value = be;
            if (old.value != null) {
                vc.vrt().deleteBackend(ctx, old);
            }
        }

        @Override
        public Object call(VrtCtx ctx, String method, List<Object> args) {
            switch (method) {
                case "backend" -> {
                    return current.value;
                }
                case "refresh" -> {
                    refresh(ctx, (String) args.get(0), (String) args.get(1),
                            args.size() > 2 ? (ProbeSpec) args.get(2) : null);
                    return null;
                }
                default -> {
                    ctx.fail("vclab does not simulate debug.dyn." + method + "()");
                    return null;
                }
            }
        }
    }
}
