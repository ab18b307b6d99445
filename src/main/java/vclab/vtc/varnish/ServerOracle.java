package vclab.vtc.varnish;

import vclab.vrt.PokeOutcome;
import vclab.vtc.VtcContext;
import vclab.vtc.VtcServer;

/**
 * What a probe to an address gets in a VTC test: a started server answers as its script
 * says; any other loopback address refuses the connection at once, and any other address
 * lets the connection attempt run into the probe's timeout, as an address that drops the
 * connection attempt (such as the documentation networks 192.0.2.0/24) does on a host with a
 * default route.
 */
final class ServerOracle implements PokeOutcome.Oracle {
    /** A local HTTP round trip, in virtual time. */
    private static final long ROUND_TRIP_NANOS = 200_000L;

    private final VtcContext ctx;

    ServerOracle(VtcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public PokeOutcome poke(String host, String port, String path) {
        for (VtcServer s : ctx.servers().all()) {
            boolean same = path != null ? s.isUnix() && path.equals(s.listen())
                    : !s.isUnix() && s.address().equals(host) && s.port().equals(port);
            if (!same || !s.isRunning()) {
                continue;
            }
            VtcServer.ProbeAnswer a = s.probe();
            return switch (a.kind()) {
                case STATUS -> new PokeOutcome(PokeOutcome.Kind.ANSWER,
                        "HTTP/1.1 " + a.status() + " " + reason(a.status()), ROUND_TRIP_NANOS);
                case NO_RESPONSE -> new PokeOutcome(PokeOutcome.Kind.EMPTY, null,
                        ROUND_TRIP_NANOS);
                case REFUSED -> PokeOutcome.REFUSED_NOW;
            };
        }
        if (path != null || host == null || isLoopback(host)) {
            return PokeOutcome.REFUSED_NOW;
        }
        return new PokeOutcome(PokeOutcome.Kind.CONNECT_TIMEOUT, null, 0);
    }

    private static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")
                || host.equalsIgnoreCase("localhost");
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Unknown";
        };
    }
}
