package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/** The parts of a {@link CompiledVcl} that a compilation collects while it parses. */
final class Model {
    final List<VclImport> imports = new ArrayList<>();
    final List<VclProbe> probes = new ArrayList<>();
    VclProbe defaultProbe;
    final List<VclBackend> backends = new ArrayList<>();
    String defaultBackend;
    final List<VclAcl> acls = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<String> requiredObjects = new ArrayList<>();
    final List<InitStep> initSteps = new ArrayList<>();
    /** The VMOD module symbols in import order (VCC's sym_vmods). */
    final List<Symbol> symVmods = new ArrayList<>();
    /** The number of inline probes so far, which VCC uses in their names. */
    int nprobe;

    void step(InitStep.Kind kind, String name, SourcePos pos) {
        initSteps.add(new InitStep(kind, name, pos));
    }

    VclProbe probe(String name) {
        for (VclProbe p : probes) {
            if (p.kind() == VclProbe.Kind.NAMED && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
