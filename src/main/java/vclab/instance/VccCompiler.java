package vclab.instance;

import java.nio.file.Path;
import java.util.Set;
import vclab.cli.Dialect;
import vclab.cli.ParamStore;
import vclab.vcl.VclCompiler;

/** Compiles VCL for the manager with vclab's VCC front end. */
final class VccCompiler implements VclCompiler {
    private final Path pwd;
    private final Dialect dialect;
    private final ParamStore params;

    VccCompiler(Path pwd, Dialect dialect, ParamStore params) {
        this.pwd = pwd;
        this.dialect = dialect;
        this.params = params;
    }

    @Override
    public Result compile(String sourceName, String source, Set<String> labels) {
        // TODO: connect the VCC front end.
        return new Result(null, "Message from VCC-compiler:\nvclab: VCC not available yet\n"
                + "Running VCC-compiler failed, exited with 2\n");
    }
}
