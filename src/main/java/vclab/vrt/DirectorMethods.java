package vclab.vrt;

/**
 * The callbacks of a director type, like varnishd's {@code struct vdi_methods}. Every method
 * is optional; {@link #hasEvent()} and {@link #hasHealthy()} tell which ones exist, because
 * their absence is visible (no event delivery, "healthy" in {@code backend.list}).
 */
public interface DirectorMethods {
    /** The type name shown by {@code backend.list -j}, for example "backend" or "round-robin". */
    String type();

    default boolean hasEvent() {
        return false;
    }

    /** Delivers a VCL event; called only if {@link #hasEvent()}. */
    default void event(Director d, VclEvent e) {
    }

    default boolean hasHealthy() {
        return false;
    }

    /** Returns the director's own health; called only if {@link #hasHealthy()}. */
    default boolean healthy(Director d) {
        return true;
    }

    /** Drops every reference this director holds to other directors; called on deletion. */
    default void release(Director d) {
    }

    /** Frees the director's private state when it is retired. */
    default void destroy(Director d) {
    }

    default boolean hasList() {
        return false;
    }

    /**
     * Writes this director's columns or details for {@code backend.list}.
     *
     * @param details the {@code -p} flag
     * @param json the {@code -j} flag
     */
    default void list(Director d, TextSink out, boolean details, boolean json) {
    }
}
