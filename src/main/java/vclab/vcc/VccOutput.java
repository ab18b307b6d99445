package vclab.vcc;

/**
 * How the manager relays what the VCC process printed (VSUB_run and VLU in libvarnish):
 * it splits the output into lines at each CR or LF, drops an unterminated last line, puts
 * "Message from VCC-compiler:" before the first line and reports a non-zero exit status.
 */
final class VccOutput {
    /** VLU's buffer holds 8191 bytes: a longer line ends the manager's reading. */
    private static final int LINE_MAX = 8191;

    private VccOutput() {
    }

    /** The output of a VCC process that aborted on an assertion (SIGABRT). */
    static String crash(String assertion) {
        return format(assertion, false) + "Running VCC-compiler failed, signal 6\n";
    }

    static String format(String vccText, boolean failed) {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        int start = 0;
        for (int i = 0; i < vccText.length(); i++) {
            char c = vccText.charAt(i);
            if (i - start >= LINE_MAX) {
                // NOTE: real varnishd also stops reading here; what VCC prints after a line
                // this long is lost.
                break;
            }
            if (c != '\n' && c != '\r') {
                continue;
            }
            if (lines++ == 0) {
                sb.append("Message from VCC-compiler:\n");
            }
            sb.append(vccText, start, i).append('\n');
            start = i + 1;
        }
        if (failed) {
            sb.append("Running VCC-compiler failed, exited with 2\n");
        }
        return sb.toString();
    }
}
