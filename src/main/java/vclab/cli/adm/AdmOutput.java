package vclab.cli.adm;

import java.io.PrintStream;
import vclab.cli.CliProtocol;
import vclab.cli.CliReply;
import vclab.cli.CliStatus;

/**
 * Prints replies on stdout as varnishadm does (pass_answer). Bodies are written as the bytes
 * that came over the wire, up to the first NUL.
 */
public final class AdmOutput {
    private final PrintStream out;
    private final boolean rawHeaders;

    /** @param rawHeaders {@code -p}: print the header line and the body with no added LF */
    public AdmOutput(PrintStream out, boolean rawHeaders) {
        this.out = out;
        this.rawHeaders = rawHeaders;
    }

    /**
     * Prints a reply: with {@code -p} the 13-byte header and the body; otherwise the body, a
     * LF, and {@code [response was truncated]} after a 201. The interactive mode also prints
     * the status on a line of its own first.
     */
    public void print(CliReply reply, boolean interactive) {
        String body = AdmConnector.cString(reply.body());
        StringBuilder text = new StringBuilder();
        if (rawHeaders) {
            byte[] bytes = body.getBytes(CliProtocol.CHARSET);
            text.append(String.format("%-3d %-8d\n", reply.status(), bytes.length)).append(body);
        } else {
            if (interactive) {
                text.append(reply.status()).append('\n');
            }
            text.append(body).append('\n');
            if (reply.status() == CliStatus.TRUNCATED) {
                text.append("[response was truncated]\n");
            }
        }
        byte[] bytes = text.toString().getBytes(CliProtocol.CHARSET);
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
