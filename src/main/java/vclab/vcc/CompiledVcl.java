package vclab.vcc;

import java.util.List;
import java.util.Optional;
import vclab.cli.Dialect;

/**
 * The result of compiling a VCL, which the simulated child loads and runs. Immutable.
 *
 * @param syntax the VCL version of the main source, 40 or 41
 * @param sources every source in VCC's order, {@code <builtin>} last
 * @param imports the {@code import} statements in source order
 * @param probes named and inline probes in declaration order (the default probe is apart)
 * @param defaultProbe the {@code probe default { }} declaration, if any
 * @param backends backend declarations in source order, {@code none} ones included
 * @param defaultBackend the backend that is VCL_conf's default director: the one named
 *     "default", else the first declared; vcl_recv and vcl_backend_fetch may still pick
 *     another at run time
 * @param acls ACLs in declaration order
 * @param labels labels named by {@code return (vcl(...))}, in order of first use
 * @param requiredObjects objects whose VMOD class does not allow them to stay unset: the
 *     load fails with "Object NAME not initialized" if vcl_init leaves one of them unset
 * @param initSteps the load steps in VCC's order
 * @param subs every subroutine, VCL methods first in Varnish's order, then custom ones in
 *     definition order
 */
public record CompiledVcl(Dialect dialect, int syntax, List<VclSource> sources,
        List<VclImport> imports, List<VclProbe> probes, Optional<VclProbe> defaultProbe,
        List<VclBackend> backends, Optional<String> defaultBackend, List<VclAcl> acls,
        List<String> labels, List<String> requiredObjects, List<InitStep> initSteps,
        List<VclSub> subs) {

    public CompiledVcl {
        sources = List.copyOf(sources);
        imports = List.copyOf(imports);
        probes = List.copyOf(probes);
        backends = List.copyOf(backends);
        acls = List.copyOf(acls);
        labels = List.copyOf(labels);
        requiredObjects = List.copyOf(requiredObjects);
        initSteps = List.copyOf(initSteps);
        subs = List.copyOf(subs);
    }

    /** The main source, the one {@code vcl.show} prints without -v. */
    public VclSource mainSource() {
        return sources.get(0);
    }

    public Optional<VclSub> sub(String name) {
        return subs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<VclBackend> backend(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public Optional<VclProbe> probe(String name) {
        if (name.equals("default")) {
            return defaultProbe;
        }
        return probes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The probe a backend runs: its own .probe, else the VCL's default probe, if any. */
    public Optional<VclProbe> effectiveProbe(VclBackend backend) {
        return backend.probe().or(() -> backend.none() ? Optional.empty() : defaultProbe);
    }

    /** The {@code new} statements of vcl_init, in the order they run. */
    public List<VclStatement.New> objects() {
        return sub("vcl_init").map(s -> CompiledVclWalker.news(s)).orElse(List.of());
    }
}
