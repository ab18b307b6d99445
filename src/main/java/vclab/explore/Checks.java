package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import vclab.sched.SimResult;
import vclab.sched.UncontrolledStepException;

/** Turns the outcome of one run into a {@link Failure}, or null when the run is clean. */
final class Checks {
    private Checks() {
    }

    /**
     * Classifies a run.
     *
     * @param outcome what the scenario returned, or null if it threw
     * @param thrown what the scenario threw, or null
     */
    static Failure classify(ScenarioOutcome outcome, Throwable thrown) {
        if (thrown != null) {
            FailureKind kind = isUncontrolled(thrown) ? FailureKind.UNCONTROLLED
                    : FailureKind.ERROR;
            return new Failure(kind, "the scenario failed: " + thrown, List.of(thrown.toString()));
        }
        SimResult r = outcome.result();
        List<String> details = new ArrayList<>();
        details.addAll(outcome.invariantViolations());
        if (outcome.panic() != null) {
            details.add(panicMessage(outcome.panic()));
        }
        if (r.outcome() != SimResult.Outcome.COMPLETED) {
            details.addAll(r.report());
        }
        details.addAll(outcome.expectationFailures());
        FailureKind kind = kindOf(outcome);
        if (kind == null) {
            return null;
        }
        return new Failure(kind, summary(kind, outcome), details);
    }

    private static FailureKind kindOf(ScenarioOutcome outcome) {
        SimResult r = outcome.result();
        if (r.error() != null && isUncontrolled(r.error())) {
            return FailureKind.UNCONTROLLED;
        }
        if (!outcome.invariantViolations().isEmpty()) {
            return FailureKind.INVARIANT;
        }
        if (outcome.panic() != null) {
            return FailureKind.PANIC;
        }
        switch (r.outcome()) {
            case DEADLOCK:
                return FailureKind.DEADLOCK;
            case LIVELOCK:
                return FailureKind.LIVELOCK;
            case TIMEOUT:
                return FailureKind.TIMEOUT;
            case ABORTED:
                return FailureKind.ERROR;
            default:
                break;
        }
        return outcome.expectationFailures().isEmpty() ? null : FailureKind.EXPECTATION;
    }

    private static String summary(FailureKind kind, ScenarioOutcome outcome) {
        SimResult r = outcome.result();
        switch (kind) {
            case INVARIANT:
                return outcome.invariantViolations().get(0);
            case PANIC:
                return firstPanicLine(outcome.panic());
            case EXPECTATION:
                return outcome.expectationFailures().get(0);
            case UNCONTROLLED:
                return "uncontrolled step: " + r.error();
            default:
                return r.report().isEmpty() ? r.outcome().name() : r.report().get(0);
        }
    }

    /** Returns the first lines of the panic message, after the "Panic at: DATE" line. */
    static String firstPanicLine(String panic) {
        String[] lines = panic.strip().split("\n");
        int first = lines.length > 1 && lines[0].startsWith("Panic at: ") ? 1 : 0;
        StringBuilder sb = new StringBuilder(lines[first].strip());
        if (first + 1 < lines.length && !lines[first + 1].contains(" = ")) {
            sb.append(' ').append(lines[first + 1].strip());
        }
        return sb.toString();
    }

    /**
     * Returns the panic text without the dump that follows the message (version, backtrace,
     * threads), which starts at the first "name = value" line.
     */
    static String panicMessage(String panic) {
        StringBuilder sb = new StringBuilder();
        for (String line : panic.strip().split("\n")) {
            if (line.contains(" = ")) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(line);
        }
        return sb.toString();
    }

    static boolean isUncontrolled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncontrolledStepException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
