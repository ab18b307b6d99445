package vclab.vtc;

/**
 * A syntax error of a script: where it is and varnishtest's message for it.
 *
 * @param pos the position of the offending character or word
 * @param message the text logged as the fatal error
 * @param lineText the command's line as the {@code ===} log line shows it
 */
public record VtcSyntaxError(SourcePos pos, String message, String lineText) {
}
