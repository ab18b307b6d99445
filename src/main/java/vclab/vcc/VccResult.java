package vclab.vcc;

/**
 * The outcome of a compilation. {@link #output()} is what the manager prints before its
 * own lines: empty when VCC printed nothing, else "Message from VCC-compiler:" and VCC's
 * lines, and for a failure "Running VCC-compiler failed, exited with 2" last. The manager
 * appends "VCL compilation failed" to a failure itself.
 */
public sealed interface VccResult {
    String output();

    default boolean ok() {
        return this instanceof Success;
    }

    /** A compiled VCL; output holds VCC's warnings, if it printed any. */
    record Success(CompiledVcl vcl, String output) implements VccResult {
    }

    /** A rejected VCL; output ends with "Running VCC-compiler failed, exited with 2\n". */
    record Failure(String output) implements VccResult {
    }
}
