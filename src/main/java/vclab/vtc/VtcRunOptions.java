package vclab.vtc;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings of a {@code vclab test} run that commands and the varnish executor read.
 *
 * @param varnishdParams the {@code -p name=val} values, in order, for every varnishd
 * @param defines the {@code -D name=val} macros, in order
 * @param timeoutSeconds the per-test timeout ({@code -t}), in virtual seconds
 * @param bufferSize the log buffer size per test ({@code -b}), in bytes
 * @param leaveTemp 0 to remove temporary directories, 1 to keep those of failed tests
 *     ({@code -l}), 2 to keep all ({@code -L})
 * @param inTree {@code -i}: find programs in the build tree named by {@code topbuild}
 * @param topbuild the build tree with {@code -i}, or null
 * @param model the Varnish model chosen with {@code --model}, or null for the default
 * @param realtime {@code --realtime}: virtual time follows the wall clock
 * @param strict {@code --strict}: fail, instead of skip, a test with a command that vclab
 *     does not model
 * @param trace the {@code --trace} file, or null
 * @param schedule the {@code --schedule} file, or null
 * @param pwd the working directory at start-up ({@code ${pwd}})
 * @param tmpRoot where {@code vtc.*} directories go ({@code TMPDIR} or {@code /tmp})
 * @param sealed true under the explorer: instances publish nothing outside the simulation
 *     (no secret file, CLI listener or work directory files)
 */
public record VtcRunOptions(List<String> varnishdParams, Map<String, String> defines,
        int timeoutSeconds, long bufferSize, int leaveTemp, boolean inTree, String topbuild,
        String model, boolean realtime, boolean strict, Path trace, Path schedule, Path pwd,
        Path tmpRoot, boolean sealed) {

    public VtcRunOptions {
        varnishdParams = List.copyOf(varnishdParams);
        defines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defines));
    }
}
