package vclab.instance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vclab.cli.Dialect;
import vclab.cli.ParamStore;
import vclab.runtime.CompiledProgram;
import vclab.vcc.Vcc;
import vclab.vcc.VccResult;
import vclab.vcc.VccSettings;
import vclab.vcc.VmodCatalog;
import vclab.vcl.VclCompiler;

/** Compiles VCL for the manager with vclab's VCC front end. */
final class VccCompiler implements VclCompiler {
    /**
     * One compiler per dialect and vcl_path, shared by every simulated varnishd of the JVM:
     * its results are immutable and cached, which an exploration re-running the same script
     * thousands of times relies on.
     */
    private static final Map<String, Vcc> COMPILERS = new ConcurrentHashMap<>();

    private final Path pwd;
    private final Dialect dialect;
    private final ParamStore params;
    private final List<String> stevedores;

    /** @param stevedores the storage names, each a {@code storage.NAME} symbol in VCL */
    VccCompiler(Path pwd, Dialect dialect, ParamStore params, List<String> stevedores) {
        this.pwd = pwd;
        this.dialect = dialect;
        this.params = params;
        this.stevedores = List.copyOf(stevedores);
    }

    @Override
    public Result compile(String sourceName, String source, Set<String> labels) {
        List<Path> vclPath = new ArrayList<>();
        for (String dir : params.string("vcl_path").split(":")) {
            if (!dir.isEmpty()) {
                vclPath.add(pwd.resolve(dir));
            }
        }
        Vcc vcc = COMPILERS.computeIfAbsent(dialect + " " + vclPath,
                k -> new Vcc(VmodCatalog.all(), dialect, vclPath));
        VccSettings d = VccSettings.DEFAULT;
        VccSettings settings = new VccSettings(d.errUnref(), d.allowInlineC(), d.unsafePath(),
                stevedores, new ArrayList<>(labels));
        VccResult r;
        if (source != null) {
            r = vcc.compile(sourceName, source, settings);
        } else {
            String file = sourceName;
            r = vcc.compileFile(file, settings);
        }
        if (r instanceof VccResult.Success s) {
            return new Result(CompiledProgram.of(s.vcl()), s.output());
        }
        return new Result(null, r.output());
    }
}
