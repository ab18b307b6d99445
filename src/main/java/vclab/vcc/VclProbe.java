package vclab.vcc;

import java.util.List;
import java.util.Optional;

/**
 * A health probe: named ({@code probe p { }}), written inline in a backend, or the
 * {@code default} probe that applies to backends without one. The numbers are the ones
 * the probe runs with: VCC's values, completed with the defaults Varnish's prober applies
 * (timeout 2s, interval 5s, window 8, threshold 3, initial threshold - 1, capped at
 * threshold, expected response 200).
 *
 * @param name the probe's name; for an inline probe the C name VCC gives it
 *     ("vgc_probe__0"), for the default probe "default"
 * @param url the .url attribute, if set; without .url and .request Varnish requests "/"
 * @param request the lines of the .request attribute, if set
 */
public record VclProbe(String name, Kind kind, Optional<String> url,
        Optional<List<String>> request, double timeout, double interval, int window,
        int threshold, int initial, int expectedResponse, SourcePos pos) {

    public enum Kind {
        NAMED, INLINE, DEFAULT
    }

    public VclProbe {
        request = request.map(List::copyOf);
    }
}
