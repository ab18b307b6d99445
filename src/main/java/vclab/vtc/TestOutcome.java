package vclab.vtc;

import java.util.List;

/**
 * The result of one test run.
 *
 * @param file the test file as named on the command line
 * @param exitCode varnishtest's child exit code: 0 passed, 1 skipped, 2 failed
 * @param timedOut true if the test hit its timeout (or could never go on again), which
 *     varnishtest reports as killed by signal 9
 * @param virtualNanos the test's duration in virtual time
 * @param log the test log followed by its diag lines
 * @param skipReason why vclab skipped it, or null
 * @param scriptErrors {@code FILE:LINE:COLUMN: message} lines of script errors
 * @param tmpdir the test's temporary directory
 */
public record TestOutcome(String file, int exitCode, boolean timedOut, long virtualNanos,
        String log, String skipReason, List<String> scriptErrors, java.nio.file.Path tmpdir) {

    public boolean passed() {
        return exitCode == 0 && !timedOut;
    }

    public boolean skipped() {
        return exitCode == 1 && !timedOut;
    }

    public boolean failed() {
        return exitCode > 1 || timedOut;
    }
}
