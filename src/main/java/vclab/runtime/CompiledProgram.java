package vclab.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import vclab.vcc.CompiledVcl;
import vclab.vcc.InitStep;
import vclab.vcc.VclBackend;
import vclab.vcl.VclCode;
import vclab.vmod.Vmods;
import vclab.vrt.VrtCtx;

/** Turns the VCL compiler's output into a program the simulated child runs. */
public final class CompiledProgram {
    /** How many programs the cache keeps, as many as the compiler keeps results. */
    private static final int CACHE_SIZE = 512;

    /**
     * Programs by the identity of their CompiledVcl, which the compiler's own cache hands
     * out again for the same source. Identity, because hashing a CompiledVcl walks its whole
     * syntax tree; the least recently used programs go first.
     */
    private static final Map<Identity, VclCode> CACHE =
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Identity, VclCode> eldest) {
                    return size() > CACHE_SIZE;
                }
            };

    /** A CompiledVcl compared by identity. */
    private record Identity(CompiledVcl vcl) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.vcl == vcl;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(vcl);
        }
    }

    private CompiledProgram() {
    }

    /** The program of a compiled VCL, built once per CompiledVcl object. */
    public static VclCode of(CompiledVcl vcl) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(new Identity(vcl), key -> build(key.vcl()));
        }
    }

    private static VclCode build(CompiledVcl vcl) {
        Vmods vmods = Vmods.standard();
        ProgramBuilder b = new ProgramBuilder(vmods).syntax(vcl.syntax());
        for (vclab.vcc.VclSource s : vcl.sources()) {
            b.source(s.name(), s.text());
        }
        vcl.defaultProbe().ifPresent(p -> b.defaultProbe(VclInterpreter.probe(p)));
        VclInterpreter interpreter = new VclInterpreter(vcl);
        for (InitStep step : vcl.initSteps()) {
            switch (step.kind()) {
                case VMOD_INIT -> b.vmodInit(step.name());
                case VMOD_EVENT -> b.vmodLoad(step.name());
                case BACKEND -> vcl.backend(step.name()).ifPresent(be -> b.backend(def(be)));
                case LABEL -> b.label(step.name());
                case OBJECT -> b.objectDestructor(step.name());
                case VCL_INIT -> {
                }
            }
        }
        b.init((ctx, scope) -> runInit(interpreter, vcl, ctx, scope));
        b.methods(interpreter::runSub);
        b.fini((ctx, scope) -> interpreter.runSub("vcl_fini",
                new VclInterpreter.Task(ctx, scope)));
        return b.build();
    }

    private static void runInit(VclInterpreter interpreter, CompiledVcl vcl, VrtCtx ctx,
            ProgramBuilder.Scope scope) {
        vcl.defaultBackend().ifPresent(name -> {
            if (scope.backends.containsKey(name)) {
                scope.loaded.defaultDirector = scope.backends.get(name);
            }
        });
        interpreter.runSub("vcl_init", new VclInterpreter.Task(ctx, scope));
        if (ctx.failed) {
            return;
        }
        for (String name : vcl.requiredObjects()) {
            if (scope.objects.get(name) == null) {
                ctx.fail("Object " + name + " not initialized");
                return;
            }
        }
    }

    /**
     * Builds the runtime definition of a backend. Its endpoint is the first address VCC
     * resolved, which VCC stores as "ip port", so .host = "host:port" works too. A backend
     * without resolved addresses keeps its .host and .port as written.
     */
    static ProgramBuilder.BackendDef def(VclBackend be) {
        String host = be.host().orElse(null);
        String port = be.port().orElse("80");
        if (!be.addresses().isEmpty()) {
            String address = be.addresses().get(0);
            int space = address.lastIndexOf(' ');
            host = space < 0 ? address : address.substring(0, space);
            port = space < 0 ? port : address.substring(space + 1);
        }
        return new ProgramBuilder.BackendDef(be.name(), be.none(), host, port,
                be.path().orElse(null), be.probe().map(VclInterpreter::probe).orElse(null));
    }
}
