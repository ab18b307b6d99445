package vclab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The reply framing of the CLI wire protocol: a 13-byte header {@code "%-3d %-8d\n"} (status,
 * body length), the body, and one LF that the length does not count.
 */
public final class CliProtocol {
    /** Bytes map to chars one to one on the wire, in both directions. */
    public static final Charset CHARSET = StandardCharsets.ISO_8859_1;

    /** Length of the reply header, CLI_LINE0_LEN in varnishd. */
    public static final int HEADER_LENGTH = 13;

    /** The largest body length the 8-character length field can carry. */
    public static final int MAX_BODY_LENGTH = 99_999_999;

    public static final String HEADER_ERROR = "CLI communication error (hdr)";
    public static final String BODY_ERROR = "CLI communication error (body)";

    private CliProtocol() {
    }

    /**
     * Encodes a reply for the wire. The body ends at its first NUL, because varnishd sends it
     * as a C string.
     *
     * @throws IllegalArgumentException if the status is outside 100..999 or the body is too
     *     long for the length field
     */
    public static byte[] encodeReply(CliReply reply) {
        int status = reply.status();
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("CLI status must be 100..999, got " + status);
        }
        String body = reply.body();
        int nul = body.indexOf('\0');
        if (nul >= 0) {
            body = body.substring(0, nul);
        }
        byte[] bodyBytes = body.getBytes(CHARSET);
        if (bodyBytes.length > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("CLI reply body of " + bodyBytes.length
                    + " bytes exceeds the protocol's maximum of " + MAX_BODY_LENGTH);
        }
        byte[] header = String.format("%-3d %-8d\n", status, bodyBytes.length).getBytes(CHARSET);
        byte[] frame = new byte[header.length + bodyBytes.length + 1];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(bodyBytes, 0, frame, header.length, bodyBytes.length);
        frame[frame.length - 1] = '\n';
        return frame;
    }

    /** A reply that could not be read; the message is varnishadm's text for the failure. */
    public static final class CommsException extends IOException {
        private static final long serialVersionUID = 1L;

        CommsException(String message) {
            super(message);
        }

        /** Returns the reply varnishadm reports for this failure: status 400, the message. */
        public CliReply toReply() {
            return new CliReply(CliStatus.COMMS, getMessage());
        }
    }

    /**
     * Reads one reply and validates it as varnishadm does (VCLI_ReadResult): exactly 13 header
     * bytes with a space at byte 3 and LF at byte 12, two numbers, then length + 1 bytes ending
     * in LF. A short read, an I/O error or a timeout of the stream is a failure too.
     *
     * @throws CommsException with {@link #HEADER_ERROR} or {@link #BODY_ERROR}
     */
    public static CliReply readReply(InputStream in) throws CommsException {
        byte[] header = new byte[HEADER_LENGTH];
        Header parsed;
        try {
            int n = readFully(in, header, HEADER_LENGTH);
            parsed = n == HEADER_LENGTH ? parseHeader(header) : null;
        } catch (IOException e) {
            parsed = null;
        }
        if (parsed == null) {
            throw new CommsException(HEADER_ERROR);
        }
        String body;
        try {
            body = readBody(in, parsed.length());
        } catch (IOException e) {
            body = null;
        }
        if (body == null) {
            throw new CommsException(BODY_ERROR);
        }
        return new CliReply(parsed.status(), body);
    }

    private record Header(int status, long length) {
    }

    /**
     * Checks the separators at bytes 3 and 12 and reads two unsigned numbers from the first 12
     * bytes as scanf("%u %u") would. Returns null when the header is malformed.
     */
    static Header parseHeader(byte[] header) {
        if (header[3] != ' ' || header[HEADER_LENGTH - 1] != '\n') {
            return null;
        }
        String text = new String(header, 0, HEADER_LENGTH - 1, CHARSET);
        int[] pos = {0};
        long status = scanUnsigned(text, pos);
        long length = status < 0 ? -1 : scanUnsigned(text, pos);
        if (status < 0 || length < 0) {
            return null;
        }
        return new Header((int) status, length);
    }

    /** Skips white space, then reads decimal digits; returns -1 when there are none. */
    private static long scanUnsigned(String text, int[] pos) {
        int i = pos[0];
        while (i < text.length() && CliTokenizer.isSpace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '+') {
            i++;
        }
        // NOTE: scanf's %u also takes a minus sign and wraps the value. Such a header is
        // rejected here, but varnishadm fails later, on the body.
        int start = i;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        pos[0] = i;
        return i == start ? -1 : value;
    }

    /** Reads length + 1 bytes and checks the closing LF; returns null when it is missing. */
    private static String readBody(InputStream in, long length) throws IOException {
        if (length > MAX_BODY_LENGTH) {
            return null;
        }
        int wanted = (int) length + 1;
        // Grow with the data rather than trusting the header with a large allocation.
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(wanted, 64 * 1024));
        byte[] chunk = new byte[Math.min(wanted, 64 * 1024)];
        int remaining = wanted;
        while (remaining > 0) {
            int n = in.read(chunk, 0, Math.min(chunk.length, remaining));
            if (n < 0) {
                return null;
            }
            body.write(chunk, 0, n);
            remaining -= n;
        }
        byte[] bytes = body.toByteArray();
        if (bytes[wanted - 1] != '\n') {
            return null;
        }
        return new String(bytes, 0, wanted - 1, CHARSET);
    }

    private static int readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, done, length - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }
}
