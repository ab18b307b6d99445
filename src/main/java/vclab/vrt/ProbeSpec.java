package vclab.vrt;

/**
 * A probe definition after VCC's defaults were applied (varnishd's
 * {@code struct vrt_backend_probe} plus {@code vbp_set_defaults}).
 *
 * @param name the probe's VCL name, or null for an inline probe
 * @param url the request URL (ignored when {@code request} is set)
 * @param request the raw request lines, or null
 * @param timeoutNanos the poke timeout
 * @param intervalNanos time between pokes
 * @param window how many of the latest pokes count
 * @param threshold how many good pokes in the window make the backend healthy
 * @param initial how many good pokes are assumed at start
 * @param expectedStatus the HTTP status that counts as good
 */
public record ProbeSpec(String name, String url, String request, long timeoutNanos,
        long intervalNanos, int window, int threshold, int initial, int expectedStatus) {

    /** Applies varnishd's defaults to unset (zero or negative) fields. */
    public static ProbeSpec withDefaults(String name, String url, String request,
            long timeoutNanos, long intervalNanos, int window, int threshold, int initial,
            int expectedStatus) {
        long timeout = timeoutNanos > 0 ? timeoutNanos : 2_000_000_000L;
        long interval = intervalNanos > 0 ? intervalNanos : 5_000_000_000L;
        int w = window > 0 ? window : 8;
        int t = threshold > 0 ? threshold : 3;
        int i = initial >= 0 ? initial : t - 1;
        i = Math.min(i, t);
        int status = expectedStatus > 0 ? expectedStatus : 200;
        return new ProbeSpec(name, url == null ? "/" : url, request, timeout, interval, w, t, i,
                status);
    }
}
