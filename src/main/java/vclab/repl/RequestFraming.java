package vclab.repl;

import java.nio.charset.Charset;
import java.util.List;
import vclab.cli.CliFramer;
import vclab.cli.CliProtocol;
import vclab.cli.CliRequest;
import vclab.cli.Dialect;

/**
 * Cuts the text typed at the prompt into CLI requests exactly as the server's framer will:
 * a line is a request, and a line that opens a here-document takes the following lines up
 * to its terminator. Each call starts from a fresh framer, so nothing carries over from one
 * input to the next.
 */
final class RequestFraming {
    private final Dialect dialect;
    private final Charset charset;

    /**
     * @param dialect the tokenizer rules of the server
     * @param charset how the terminal's characters become the bytes sent
     */
    RequestFraming(Dialect dialect, Charset charset) {
        this.dialect = dialect;
        this.charset = charset;
    }

    /**
     * The requests of one input.
     *
     * @param requests the complete requests, in order
     * @param incomplete whether the text ends inside a here-document
     */
    record Result(List<CliRequest> requests, boolean incomplete) {
    }

    /** Frames the text followed by a LF, as it would go over the wire. */
    Result frame(String text) {
        // CliRequest stores each byte as one ISO-8859-1 char, so the bytes become such chars.
        String wire = new String((text + "\n").getBytes(charset), CliProtocol.CHARSET);
        byte[] bytes = wire.getBytes(CliProtocol.CHARSET);
        CliFramer framer = new CliFramer(dialect);
        framer.setAuthenticated(true);
        List<CliRequest> requests = framer.feed(bytes, 0, bytes.length);
        return new Result(requests, framer.hasPartialRequest());
    }
}
