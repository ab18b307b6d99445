package vclab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes a CLI client sends into requests, byte by byte, as varnishd's CLI server does
 * (cls_feed in lib/libvarnish/vcli_serve.c). Bytes may arrive in any chunking; feeding them
 * one at a time or all at once gives the same requests.
 *
 * <ul>
 *   <li>White space between requests is skipped, so an empty or blank line yields nothing.
 *   <li>A line ends at LF or CR. With CRLF the LF is skipped as white space before the next
 *       request.
 *   <li>Before authentication a line has at most 80 bytes: the 81st byte ends the line as a
 *       terminator would, and is dropped.
 *   <li>One leading {@code -} is removed before tokenizing; a line that is only {@code -} gives
 *       a request with no words.
 *   <li>After authentication, a line whose second-to-last word is {@code <<} and whose last
 *       word is non-empty opens a here-document, ended by that word followed by CR or LF.
 * </ul>
 *
 * <p>Here-document matching has no back-tracking: the framer holds back the bytes that match a
 * prefix of the terminator, and on a mismatch appends the held-back prefix and the current byte
 * to the body without looking at that byte again. So {@code EEOF} never ends a body whose
 * terminator is {@code EOF}, and the terminator counts anywhere, not only at a line start. A
 * command line ended by CR makes a following LF the first body byte.
 *
 * <p>Bytes map to chars one to one (ISO-8859-1). Not thread-safe: one framer per connection.
 */
public final class CliFramer {
    /** Bytes of a line before authentication; varnishd's hard-coded limit. */
    public static final int PRE_AUTH_LINE_LIMIT = 80;

    /**
     * The default bound on a request (line, or here-document body plus held-back bytes).
     * varnishd has none: it grows its buffer until an allocation fails, which aborts the
     * manager. 16 MiB is far above the 100 KB lines varnishd was seen to accept.
     */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    /** Thrown when a request grows beyond the framer's bound; the framer starts afresh. */
    public static final class RequestTooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        RequestTooLongException(int limit) {
            super("CLI request longer than " + limit + " bytes");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /**
     * The outcome of one call of {@link #feedOne}.
     *
     * @param consumed how many bytes it used, up to and including the end of the request
     * @param request the completed request, or null when the bytes ran out first
     */
    public record Step(int consumed, CliRequest request) {
    }

    private final Dialect dialect;
    private final int maxRequestBytes;
    private boolean authenticated;

    /** The command line being collected; null while skipping white space between requests. */
    private StringBuilder line;
    /** The open here-document, or null. */
    private HereDocument hereDocument;

    public CliFramer(Dialect dialect) {
        this(dialect, DEFAULT_MAX_REQUEST_BYTES);
    }

    public CliFramer(Dialect dialect, int maxRequestBytes) {
        if (maxRequestBytes <= PRE_AUTH_LINE_LIMIT) {
            throw new IllegalArgumentException("maxRequestBytes must exceed "
                    + PRE_AUTH_LINE_LIMIT + ", got " + maxRequestBytes);
        }
        this.dialect = dialect;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Sets the session's state; call it after each request, since auth can change it. */
    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /** True while a line or a here-document has started but not ended. */
    public boolean hasPartialRequest() {
        return line != null;
    }

    /**
     * Feeds bytes and returns every request they complete. The authentication state is read
     * once per byte, so a caller that executes requests (and so may authenticate the session)
     * between them should use {@link #feedOne} instead.
     *
     * @throws RequestTooLongException when a request grows beyond the bound
     */
    public List<CliRequest> feed(byte[] data, int offset, int length) {
        List<CliRequest> requests = new ArrayList<>();
        int done = 0;
        while (done < length) {
            Step step = feedOne(data, offset + done, length - done);
            done += step.consumed();
            if (step.request() != null) {
                requests.add(step.request());
            }
        }
        return requests;
    }

    /**
     * Feeds bytes up to the end of the first request they complete, and stops there.
     *
     * @throws RequestTooLongException when a request grows beyond the bound
     */
    public Step feedOne(byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            char c = (char) (data[offset + i] & 0xFF);
            CliRequest request = hereDocument == null ? lineByte(c) : hereDocument.accept(c);
            if (request != null) {
                return new Step(i + 1, request);
            }
        }
        return new Step(length, null);
    }

    private CliRequest lineByte(char c) {
        if (line == null) {
            if (CliTokenizer.isSpace(c)) {
                return null;
            }
            line = new StringBuilder();
        }
        boolean terminator = c == '\n' || c == '\r';
        if (!terminator && (authenticated || line.length() < PRE_AUTH_LINE_LIMIT)) {
            if (line.length() >= maxRequestBytes) {
                reset();
                throw new RequestTooLongException(maxRequestBytes);
            }
            line.append(c);
            return null;
        }
        return endLine();
    }

    /** Tokenizes the collected line; returns its request unless it opens a here-document. */
    private CliRequest endLine() {
        String text = line.toString();
        String body = text.startsWith("-") ? text.substring(1) : text;
        CliTokenizer.Result result = CliTokenizer.tokenize(body, dialect);
        List<String> words = result.words();
        int n = words.size();

        if (authenticated && !result.isError() && n >= 2 && words.get(n - 2).equals("<<")
                && !words.get(n - 1).isEmpty()) {
            hereDocument = new HereDocument(text, words.subList(0, n - 2), words.get(n - 1));
            return null;
        }
        reset();
        return new CliRequest(words, result.error(), text);
    }

    private void reset() {
        line = null;
        hereDocument = null;
    }

    /** A here-document being collected after its command line. */
    private final class HereDocument {
        private final String commandLine;
        private final List<String> words;
        private final String terminator;
        private final StringBuilder body = new StringBuilder();
        private int matched;

        HereDocument(String commandLine, List<String> words, String terminator) {
            this.commandLine = commandLine;
            this.words = List.copyOf(words);
            this.terminator = terminator;
        }

        CliRequest accept(char c) {
            boolean complete = matched == terminator.length();
            if (complete && (c == '\n' || c == '\r')) {
                return finish();
            }
            if (body.length() + matched >= maxRequestBytes) {
                reset();
                throw new RequestTooLongException(maxRequestBytes);
            }
            // Once the whole word has matched, varnishd compares a NUL byte with the word's
            // closing NUL and reads past the word. Here that byte is a plain mismatch.
            if (!complete && c == terminator.charAt(matched)) {
                matched++;
            } else {
                body.append(terminator, 0, matched).append(c);
                matched = 0;
            }
            return null;
        }

        private CliRequest finish() {
            String raw = body.toString();
            int nul = raw.indexOf('\0');
            String argument = nul < 0 ? raw : raw.substring(0, nul);
            List<String> argv = new ArrayList<>(words);
            argv.add(argument);
            reset();
            return new CliRequest(argv, null, commandLine + "\n" + raw + terminator);
        }
    }
}
