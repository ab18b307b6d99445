package vclab.vcl;

import java.util.Set;

/** Compiles VCL for the manager: the stand-in for running varnishd's VCC. */
public interface VclCompiler {
    /**
     * The outcome of one compile.
     *
     * @param code the program, or null on failure
     * @param message on failure the whole compiler output (it starts with
     *     "Message from VCC-compiler:" and ends with "Running VCC-compiler failed, exited with
     *     2\n"); on success compiler warnings, usually empty
     */
    record Result(VclCode code, String message) {
    }

    /**
     * @param sourceName "<vcl.inline>", "<-b argument>" or the path given to vcl.load
     * @param source the VCL text, or null to read {@code sourceName} as a file along
     *     vcl_path
     * @param labels the labels that exist, for {@code return (vcl(label))}
     */
    Result compile(String sourceName, String source, Set<String> labels);
}
