package vclab.runtime;

import java.util.ArrayList;
import java.util.List;
import vclab.vcl.Child;
import vclab.vcl.Vcl;
import vclab.vcl.VclConf;
import vclab.vcl.VclSource;
import vclab.vcl.VclTask;
import vclab.vmod.Vmod;
import vclab.vrt.Director;
import vclab.vrt.DirectorSlot;
import vclab.vrt.ProbeSpec;
import vclab.vrt.Vrt;
import vclab.vrt.VrtCtx;
import vclab.vrt.VclEvent;

/**
 * One loaded instance of a compiled VCL: the generated event function. LOAD runs the init
 * steps in order; WARM goes to the imported VMODs in import order and stops at the first
 * failure; COLD goes in reverse order to the VMODs whose WARM succeeded; DISCARD runs
 * vcl_fini if vcl_init was reached, then undoes the completed steps in reverse order.
 */
public final class LoadedVcl implements VclConf {
    /** An imported VMOD of this VCL. */
    static final class VmodSlot {
        final String name;
        final Vmod vmod;
        Vmod.Instance instance;

        VmodSlot(String name, Vmod vmod) {
            this.name = name;
            this.vmod = vmod;
        }
    }

    private final Child child;
    private final List<VclSource> sources;
    final List<Step> steps = new ArrayList<>();
    final List<VmodSlot> vmods = new ArrayList<>();
    private Step finiStep;
    private int completed;
    private boolean initReached;
    private int warmedVmods;
    Director defaultDirector;
    ProbeSpec defaultProbe;
    Vcl vcl;
    ProgramBuilder.Scope scope;
    ProgramBuilder.MethodBody methods;

    LoadedVcl(Child child, List<VclSource> sources) {
        this.child = child;
        this.sources = sources;
    }

    void setFini(Step fini) {
        this.finiStep = fini;
    }

    void markInitReached() {
        initReached = true;
    }

    Child child() {
        return child;
    }

    @Override
    public int event(VrtCtx ctx, VclEvent event, Vrt vrt) {
        vcl = (Vcl) ctx.vcl;
        return switch (event) {
            case LOAD -> load(ctx);
            case WARM -> warm(ctx);
            case COLD -> cold(ctx);
            case DISCARD -> discard(ctx);
        };
    }

    private int load(VrtCtx ctx) {
        for (Step s : steps) {
            int r = s.run(ctx);
            if (r != 0 || ctx.failed) {
                return r != 0 ? r : 1;
            }
            completed++;
        }
        return 0;
    }

    private int warm(VrtCtx ctx) {
        warmedVmods = 0;
        for (VmodSlot m : vmods) {
            if (m.instance == null || !m.instance.hasEvent()) {
                warmedVmods++;
                continue;
            }
            int r = child.vmodEvent(vcl, m.name, VclEvent.WARM,
                    () -> m.instance.event(ctx, VclEvent.WARM));
            if (r != 0) {
                return r;
            }
            warmedVmods++;
        }
        return 0;
    }

    private int cold(VrtCtx ctx) {
        for (int i = warmedVmods - 1; i >= 0; i--) {
            VmodSlot m = vmods.get(i);
            if (m.instance == null || !m.instance.hasEvent()) {
                continue;
            }
            int r = child.vmodEvent(vcl, m.name, VclEvent.COLD,
                    () -> m.instance.event(ctx, VclEvent.COLD));
            if (r != 0) {
                return r;
            }
        }
        warmedVmods = 0;
        return 0;
    }

    private int discard(VrtCtx ctx) {
        if (initReached && finiStep != null) {
            finiStep.run(ctx);
        }
        for (int i = completed - 1; i >= 0; i--) {
            steps.get(i).undo(ctx);
        }
        completed = 0;
        return 0;
    }

    /** Sends LOAD or DISCARD to one VMOD, through the child's trace and injection point. */
    int vmodEvent(VrtCtx ctx, VmodSlot m, VclEvent event) {
        if (m.instance == null || !m.instance.hasEvent()) {
            return 0;
        }
        return child.vmodEvent(vcl, m.name, event, () -> m.instance.event(ctx, event));
    }

    @Override
    public List<VclSource> sources() {
        return sources;
    }

    @Override
    public Director defaultDirector() {
        return defaultDirector;
    }

    @Override
    public ProbeSpec defaultProbe() {
        return defaultProbe;
    }

    @Override
    public VclTask task(VrtCtx ctx) {
        VclInterpreter.Task t = new VclInterpreter.Task(ctx, scope);
        return new VclTask() {
            @Override
            public String run(String method, VrtCtx next) {
                t.use(next);
                t.returned = null;
                t.vclLabel = null;
                if (methods != null) {
                    methods.run(method, t);
                }
                return t.returned;
            }

            @Override
            public String vclLabel() {
                return t.vclLabel;
            }

            @Override
            public Object get(String variable) {
                return t.get(variable);
            }

            @Override
            public void set(String variable, Object value) {
                t.set(variable, value);
            }

            @Override
            public Director backend(String variable) {
                return t.backendSlot(variable).value;
            }

            @Override
            public void assignBackend(String variable, Director value) {
                child.vrt().assignBackend(t.backendSlot(variable), value);
            }

            @Override
            public void release() {
                for (DirectorSlot s : t.backendSlots()) {
                    child.vrt().assignBackend(s, null);
                }
            }
        };
    }

    @Override
    public List<String> vmodNames() {
        List<String> names = new ArrayList<>();
        for (VmodSlot m : vmods) {
            names.add(m.name);
        }
        return names;
    }
}
