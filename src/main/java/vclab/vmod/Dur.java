package vclab.vmod;

/** A VCL DURATION value, in nanoseconds. */
public record Dur(long nanos) {
    public double seconds() {
        return nanos / 1e9;
    }
}
