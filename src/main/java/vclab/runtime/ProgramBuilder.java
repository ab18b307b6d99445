package vclab.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.vcl.Child;
import vclab.vcl.Vcl;
import vclab.vcl.VclCode;
import vclab.vcl.VclConf;
import vclab.vcl.VclSource;
import vclab.vmod.Vmod;
import vclab.vmod.VmodContext;
import vclab.vmod.VmodObject;
import vclab.vmod.Vmods;
import vclab.vrt.Director;
import vclab.vrt.DirectorSlot;
import vclab.vrt.ProbeSpec;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * Builds a runnable VCL program from its parts, in the order VCC emits its init steps:
 * imports, backends, objects, label references, then vcl_init. The VCL compiler's adapter
 * uses it, and so do tests that need a program without VCL source.
 */
public final class ProgramBuilder {
    /** Code that runs in vcl_init or vcl_fini against one loaded VCL. */
    @FunctionalInterface
    public interface Body {
        void run(VrtCtx ctx, Scope scope);
    }

    /** Evaluates the arguments of a constructor or call at run time. */
    @FunctionalInterface
    /** Runs one VCL method of a simulated task. */
    public interface MethodBody {
        void run(String method, VclInterpreter.Task task);
    }

    public interface Args {
        List<Object> eval(VrtCtx ctx, Scope scope);
    }

    /** A backend declaration. */
    public record BackendDef(String name, boolean none, String host, String port, String path,
            ProbeSpec probe) {
    }

    private interface StepFactory {
        Step create(LoadedVcl loaded, Scope scope);
    }

    private final Vmods vmods;
    private final List<VclSource> sources = new ArrayList<>();
    private final List<StepFactory> steps = new ArrayList<>();
    private final List<String> labelsUsed = new ArrayList<>();
    private final List<String> imports = new ArrayList<>();
    private ProbeSpec defaultProbe;
    private Body init;
    private Body fini;
    private MethodBody methods;
    private int syntax = 41;

    public ProgramBuilder(Vmods vmods) {
        this.vmods = vmods;
    }

    public ProgramBuilder source(String name, String text) {
        sources.add(new VclSource(name, text));
        return this;
    }

    public ProgramBuilder syntax(int syntaxTimesTen) {
        this.syntax = syntaxTimesTen;
        return this;
    }

    public ProgramBuilder defaultProbe(ProbeSpec probe) {
        this.defaultProbe = probe;
        return this;
    }

    /** {@code import name;}: instantiate the VMOD and send it LOAD. */
    public ProgramBuilder importVmod(String name) {
        return vmodInit(name).vmodLoad(name);
    }

    /** VPI_Vmod_Init: the VMOD's per-VCL state is created. */
    public ProgramBuilder vmodInit(String name) {
        Vmod vmod = vmods.find(name);
        if (vmod == null) {
            throw new IllegalArgumentException("vclab does not simulate VMOD " + name);
        }
        imports.add(name);
        steps.add((loaded, scope) -> {
            LoadedVcl.VmodSlot slot = new LoadedVcl.VmodSlot(name, vmod);
            loaded.vmods.add(slot);
            return new Step() {
                @Override
                public int run(VrtCtx ctx) {
                    slot.instance = vmod.instantiate(new VmodContext(loaded.child(),
                            (Vcl) ctx.vcl));
                    scope.vmods.put(name, slot.instance);
                    return 0;
                }

                @Override
                public String describe() {
                    return "vmod init " + name;
                }
            };
        });
        return this;
    }

    /** VCL_EVENT_LOAD to the VMOD; DISCARD when the step is undone. */
    public ProgramBuilder vmodLoad(String name) {
        steps.add((loaded, scope) -> new Step() {
            LoadedVcl.VmodSlot slot;

            @Override
            public int run(VrtCtx ctx) {
                for (LoadedVcl.VmodSlot s : loaded.vmods) {
                    if (s.name.equals(name)) {
                        slot = s;
                    }
                }
                return slot == null ? 0 : loaded.vmodEvent(ctx, slot, VclEvent.LOAD);
            }

            @Override
            public void undo(VrtCtx ctx) {
                if (slot != null) {
                    loaded.vmodEvent(ctx, slot, VclEvent.DISCARD);
                }
            }

            @Override
            public String describe() {
                return "vmod load " + name;
            }
        });
        return this;
    }

    /**
     * The destructor of an object that vcl_init creates with {@code new}: nothing happens at
     * load, and the object is destroyed when the step is undone.
     */
    public ProgramBuilder objectDestructor(String name) {
        steps.add((loaded, scope) -> new Step() {
            @Override
            public int run(VrtCtx ctx) {
                return 0;
            }

            @Override
            public void undo(VrtCtx ctx) {
                VmodObject obj = scope.objects.remove(name);
                if (obj != null) {
                    obj.destroy(ctx);
                }
            }

            @Override
            public String describe() {
                return "object " + name;
            }
        });
        return this;
    }

    /** A {@code backend} declaration: a static native backend. */
    public ProgramBuilder backend(BackendDef def) {
        steps.add((loaded, scope) -> new Step() {
            final DirectorSlot slot = new DirectorSlot("backend " + def.name());

            @Override
            public int run(VrtCtx ctx) {
                if (def.none()) {
                    scope.backends.put(def.name(), null);
                    return 0;
                }
                Director d = loaded.child().vrt().newBackend(ctx, def.name(), def.host(),
                        def.port(), def.path(), def.probe());
                if (d == null) {
                    ctx.fail("Backend " + def.name() + " could not be created");
                    return 1;
                }
                loaded.child().vrt().staticDirector(d);
                slot.value = d;
                scope.backends.put(def.name(), d);
                if (loaded.defaultDirector == null) {
                    loaded.defaultDirector = d;
                }
                return 0;
            }

            @Override
            public void undo(VrtCtx ctx) {
                if (slot.value != null) {
                    loaded.child().vrt().deleteBackend(ctx, slot);
                }
            }

            @Override
            public String describe() {
                return "backend " + def.name();
            }
        });
        return this;
    }

    /** {@code new name = vmod.className(args);} in vcl_init. */
    public ProgramBuilder object(String name, String vmod, String className, Args args) {
        steps.add((loaded, scope) -> new Step() {
            VmodObject obj;

            @Override
            public int run(VrtCtx ctx) {
                Vmod.Instance inst = scope.vmods.get(vmod);
                obj = inst.construct(ctx, className, name, args.eval(ctx, scope));
                scope.objects.put(name, obj);
                return 0;
            }

            @Override
            public void undo(VrtCtx ctx) {
                if (obj != null) {
                    obj.destroy(ctx);
                }
            }

            @Override
            public String describe() {
                return "new " + name + " = " + vmod + "." + className;
            }
        });
        return this;
    }

    /** A label the VCL uses with {@code return (vcl(label))}. */
    public ProgramBuilder label(String label) {
        labelsUsed.add(label);
        steps.add((loaded, scope) -> new Step() {
            Vcl target;

            @Override
            public int run(VrtCtx ctx) {
                target = loaded.child().find(label);
                if (target != null) {
                    target.nrefs++;
                }
                return 0;
            }

            @Override
            public void undo(VrtCtx ctx) {
                if (target != null) {
                    target.nrefs--;
                }
            }

            @Override
            public String describe() {
                return "label " + label;
            }
        });
        return this;
    }

    /** The body of vcl_init, run as the last init step. */
    public ProgramBuilder init(Body body) {
        this.init = body;
        return this;
    }

    /** The body of vcl_fini, run first on DISCARD once vcl_init was reached. */
    /** How the program runs the methods of client and backend tasks. */
    public ProgramBuilder methods(MethodBody body) {
        this.methods = body;
        return this;
    }

    public ProgramBuilder fini(Body body) {
        this.fini = body;
        return this;
    }

    public VclCode build() {
        List<VclSource> src = List.copyOf(sources);
        List<String> labels = List.copyOf(labelsUsed);
        List<StepFactory> factories = List.copyOf(steps);
        List<String> vmodNames = List.copyOf(imports);
        ProbeSpec probe = defaultProbe;
        Body initBody = init;
        Body finiBody = fini;
        MethodBody methodBody = methods;
        int syn = syntax;
        return new VclCode() {
            @Override
            public List<VclSource> sources() {
                return src;
            }

            @Override
            public List<String> labelsUsed() {
                return labels;
            }

            @Override
            public int syntax() {
                return syn;
            }

            @Override
            public VclConf open(Child child, String vclName) {
                LoadedVcl loaded = new LoadedVcl(child, src);
                loaded.defaultProbe = probe;
                Scope scope = new Scope();
                scope.loaded = loaded;
                loaded.scope = scope;
                loaded.methods = methodBody;
                for (StepFactory f : factories) {
                    loaded.steps.add(f.create(loaded, scope));
                }
                loaded.steps.add(new Step() {
                    @Override
                    public int run(VrtCtx ctx) {
                        loaded.markInitReached();
                        if (initBody != null) {
                            loaded.child().vmodEventless("vcl_init", ctx,
                                    () -> initBody.run(ctx, scope));
                        }
                        return ctx.failed ? 1 : 0;
                    }

                    @Override
                    public String describe() {
                        return "vcl_init";
                    }
                });
                if (finiBody != null) {
                    loaded.setFini(new Step() {
                        @Override
                        public int run(VrtCtx ctx) {
                            loaded.child().vmodEventless("vcl_fini", ctx,
                                    () -> finiBody.run(ctx, scope));
                            return 0;
                        }

                        @Override
                        public String describe() {
                            return "vcl_fini";
                        }
                    });
                }
                return loaded;
            }

            @Override
            public String toString() {
                return "program with " + vmodNames;
            }
        };
    }

    /** The names a loaded VCL's code can see: backends, objects and VMOD instances. */
    public static final class Scope {
        public final Map<String, Director> backends = new LinkedHashMap<>();
        public final Map<String, VmodObject> objects = new LinkedHashMap<>();
        public final Map<String, Vmod.Instance> vmods = new LinkedHashMap<>();
        /** The loaded VCL this scope belongs to. */
        public LoadedVcl loaded;
    }
}
