package vclab.vcl;

/**
 * One record of the simulated shared-memory log, as varnishd writes it.
 *
 * @param vxid transaction id; 0 for records outside any transaction (CLI, Debug, health)
 * @param tag the VSL tag name, for example {@code Debug} or {@code Backend_health}
 * @param type 'c' for client, 'b' for backend, '-' for neither
 * @param payload the record's text
 * @param virtualNanos virtual time when it was written
 * @param thread name of the simulated thread that wrote it
 */
public record VslRecord(long vxid, String tag, char type, String payload, long virtualNanos,
        String thread) {
}
