package vclab.vtc;

import java.util.LinkedHashMap;
import java.util.Map;
import vclab.vcl.VslLog;

/**
 * The shared-memory logs of the test's varnish instances, by instance name. The varnish
 * executor publishes an instance's log when it launches it; {@code logexpect -v vNAME}
 * attaches to it.
 */
public final class VslRegistry {
    private final Map<String, VslLog> logs = new LinkedHashMap<>();

    public void publish(String instance, VslLog log) {
        logs.put(instance, log);
    }

    public void withdraw(String instance) {
        logs.remove(instance);
    }

    /** Returns the log of the instance, or null if it was not launched. */
    public VslLog find(String instance) {
        return logs.get(instance);
    }
}
