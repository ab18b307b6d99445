package vclab.vrt;

/**
 * What one probe poke to an endpoint gets. vclab models no HTTP traffic; an oracle (the VTC
 * servers, or settings made over the CLI) decides what each endpoint answers.
 *
 * @param kind what happened
 * @param statusLine the response's first line for {@link Kind#ANSWER}, e.g. "HTTP/1.1 200 OK"
 * @param durationNanos how long the poke takes, in virtual time
 */
public record PokeOutcome(Kind kind, String statusLine, long durationNanos) {
    /** The ways a poke ends. */
    public enum Kind {
        /** A response arrived. */
        ANSWER,
        /** The connection was accepted and closed without a response. */
        EMPTY,
        /** The connection was refused. */
        REFUSED,
        /** The connection was not established before the probe's timeout. */
        CONNECT_TIMEOUT,
        /** The connection was accepted but no response came before the probe's timeout. */
        NO_RESPONSE
    }

    /** A refusal with no delay, as a loopback address without a listener gives. */
    public static final PokeOutcome REFUSED_NOW = new PokeOutcome(Kind.REFUSED, null, 0);

    /** Decides poke outcomes by endpoint. */
    @FunctionalInterface
    public interface Oracle {
        /**
         * @param host the backend's host (an address, possibly a name), or null for UDS
         * @param port the port, or null
         * @param path the UDS path, or null
         */
        PokeOutcome poke(String host, String port, String path);
    }
}
