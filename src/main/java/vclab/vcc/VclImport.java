package vclab.vcc;

/**
 * An {@code import name [from "path"];}: the name VCL code uses and the VMOD it loads.
 *
 * @param path the "from" path, or null
 */
public record VclImport(String name, String vmod, String path, SourcePos pos) {
}
