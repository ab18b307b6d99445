package vclab.vcl;

/**
 * One source file of a compiled VCL, for {@code vcl.show}.
 *
 * @param name "<vcl.inline>", "<-b argument>", a path, or "<builtin>"
 * @param text the exact source text
 */
public record VclSource(String name, String text) {
}
