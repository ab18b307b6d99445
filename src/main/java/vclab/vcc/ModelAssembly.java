package vclab.vcc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link CompiledVcl} of a successful compilation. */
final class ModelAssembly {
    private ModelAssembly() {
    }

    static CompiledVcl build(Compilation tl) {
        List<VclSource> sources = new ArrayList<>();
        for (Source s : tl.sources) {
            sources.add(new VclSource(s.name, s.text));
        }
        List<VclSub> subs = new ArrayList<>();
        for (Proc p : tl.procs) {
            subs.add(new VclSub(p.sym.name, p.method != null, p.bodies));
        }
        Model m = tl.model;
        return new CompiledVcl(tl.dialect, tl.syntax, sources, m.imports, m.probes,
                Optional.ofNullable(m.defaultProbe), m.backends,
                Optional.ofNullable(m.defaultBackend), m.acls, m.labels, m.requiredObjects,
                m.initSteps, subs);
    }
}
