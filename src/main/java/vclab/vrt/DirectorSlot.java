package vclab.vrt;

/**
 * A place that holds a counted director reference, like a {@code VCL_BACKEND} variable that
 * VRT_Assign_Backend writes: a VMOD field, {@code bereq.backend}, a domain's backend.
 */
public final class DirectorSlot {
    private final String name;
    /** The director held, or null. */
    public Director value;

    public DirectorSlot(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
