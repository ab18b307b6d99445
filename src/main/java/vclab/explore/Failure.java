package vclab.explore;

import java.util.List;

/**
 * The failure of one run.
 *
 * @param kind the most specific kind that applies
 * @param summary one line: the invariant, the first panic line, the deadlock's first line
 * @param details every finding of the run, one per line: invariant lines, the panic text,
 *     the scheduler's report, failed expectations
 */
public record Failure(FailureKind kind, String summary, List<String> details) {

    public Failure {
        details = List.copyOf(details);
    }

    /** Returns true if {@code other} is a failure of the same kind. */
    public boolean sameKind(Failure other) {
        return other != null && other.kind == kind;
    }
}
