package vclab.vcl;

/** The parameter values the model reads; the CLI layer's parameter store provides them. */
public interface Params {
    /** A duration or timeout parameter, in nanoseconds. */
    long durationNanos(String name);

    /** An unsigned integer parameter. */
    long uint(String name);

    /** A bytes parameter. */
    long bytes(String name);

    /** A boolean parameter. */
    boolean bool(String name);

    /** Whether a bit of a bit-set parameter such as {@code debug} or {@code feature} is set. */
    boolean bit(String name, String bit);
}
