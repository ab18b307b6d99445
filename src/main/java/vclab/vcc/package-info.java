/**
 * vclab's VCL compiler front end: what Varnish's VCC (lib/libvcc) checks and reports, and
 * a model of the compiled VCL for the simulated child.
 *
 * <p>The pipeline, one class per stage, follows VCC's own order so that the first error
 * and the text around it come out as VCC prints them:
 * <ol>
 * <li>{@link vclab.vcc.VclTokenizer} splits each source with the ANTLR lexer
 *     (grammar/vclab/vcc/VclLexer.g4) and {@code Includes} splices included files in.
 * <li>{@code TopLevelParser}, {@code Actions}, {@code Expressions}, {@code Operators},
 *     {@code FuncCalls}, {@code Backends}, {@code Probes}, {@code Acls} and
 *     {@code Imports} parse with VCC's type-directed rules and its symbol table
 *     ({@code Symbols}), building the statement trees as they go.
 * <li>{@code Xref} checks references, returns and variable uses per method.
 * <li>{@link vclab.vcc.VccOutput} frames the text as the manager relays it.
 * </ol>
 * {@link vclab.vcc.Vcc} is the entry point; {@link vclab.vcc.CompiledVcl} and the types it
 * uses form the model. The ANTLR parser grammar (VclParser.g4, used by
 * {@link vclab.vcc.VclSyntax}) states VCL's context-free syntax. {@link vclab.vcc.Site}
 * keeps the C line of each of VCC's token expectations, which its messages print.
 */
package vclab.vcc;
