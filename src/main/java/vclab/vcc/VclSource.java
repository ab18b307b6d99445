package vclab.vcc;

/**
 * One source of a compiled VCL with its exact text, as {@code vcl.show -v} lists them: the
 * main source ({@code <vcl.inline>}, {@code <-b argument>} or a path), included files in
 * the order VCC read them, and {@code <builtin>} last.
 */
public record VclSource(String name, String text) {
}
