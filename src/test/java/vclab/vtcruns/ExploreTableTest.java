package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vclab.vtcruns.RaceTableTest.COLD_ADD;
import static vclab.vtcruns.RaceTableTest.COLD_ADD_71;
import static vclab.vtcruns.RaceTableTest.DISABLE_71;
import static vclab.vtcruns.RaceTableTest.DISABLE_75;
import static vclab.vtcruns.RaceTableTest.ENABLE_71;
import static vclab.vtcruns.RaceTableTest.ENABLE_75;
import static vclab.vtcruns.RaceTableTest.MAGIC_71;
import static vclab.vtcruns.RaceTableTest.MAGIC_75;
import static vclab.vtcruns.RaceTableTest.bigQuit;
import static vclab.vtcruns.RaceTableTest.wrongTurn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vclab.explore.ExploreOptions;
import vclab.explore.ExploreReport;
import vclab.explore.Explorer;
import vclab.explore.Failure;
import vclab.explore.FailureKind;
import vclab.explore.Scenario;
import vclab.vtc.VtcScenarioFactory;
import vclab.vtc.varnish.SimulatedVarnish;

/**
 * The catalogue of Varnish's VCL temperature and director races (R1 to R7 and R5b, by
 * model from the 7.4 behaviour to 8.0), rediscovered by {@code vclab explore}. Each script in
 * vtc-cases/explore drives one race without injected delays, so that only the schedule
 * decides whether it happens. For every race and model the test runs
 * the explorer's depth-first search and checks the cell: where the catalogue says yes, the
 * search finds a run that fails with the text that release printed (a panic, an invariant
 * violation, or the 400 reply of a child killed after cli_timeout); where it says no, the
 * search is complete and no run shows the race.
 *
 * <p>The preemption bound is 1. Every race of these scripts needs one preemption (the other
 * thread runs inside the CLI thread's window), so bound 1 is the smallest that can find
 * each of them, and a complete bound-1 search without the race says that no single
 * preemption brings it about. Switches at points where the running thread blocks are free
 * and explored in full. A complete bound-2 search of one of these scripts takes from about
 * 40,000 schedules (without probes) to well over 100,000 (R1 with its probe), against 1,000
 * to 20,000 at bound 1; 56 of them would not fit in a few minutes.
 *
 * <p>Some scripts hold a second race besides their own, found by the same search: a lookup
 * thread that outlives a failed warm-up adds to a cold VCL (R5, in the R3 and R6 scripts and
 * every model); R6's failed warm-up leaves its backends warm before 8.0 (R3); vmod_debug
 * adds dir_warmcold in its own WARM handler, so the walk warms it a second time before 8.0
 * (R1, in the R7 script); and in 7.7 a backend retired between the cool-down's temperature
 * store and its director walk gets no COLD (the R4 script). Each cell therefore searches for
 * its own race's failure with {@link ExploreOptions#failureFilter} and lets the others
 * pass: a "no" means that this race does not happen, not that the script never fails.
 */
class ExploreTableTest {
    private static final String[] MODELS = {
        "v7.4", "v7.5", "v7.6", "v7.7", "pr4205", "b9a2040", "v8.0"};

    /** Marks a cell where the catalogue has no failure. */
    private static final String NO = null;
    /** A child killed after cli_timeout: the CLI command gets 400 and nothing panics. */
    private static final String KILLED = "FAIL CLI response 400 expected 200";
    /** The CLI thread spins at one virtual instant: the explorer's livelock. */
    private static final String SPINS = "without blocking, last at backend_event_delta.between";


    /** Returns the start of a probe's WRONG() panic; the state word follows it. */
    private static String probeTurn(int line) {
        return wrongTurn("cache_backend_probe.c", line, "");
    }

    /** Returns the VBP_Remove() assertion of the 7.6 probe state machine at {@code line}. */
    private static String removeCold(int line) {
        return "Assert error in VBP_Remove(), cache/cache_backend_probe.c line " + line
                + ":\n  Condition(vt->state == vbp_state_cold)";
    }

    /** Returns a predicate that accepts failures whose details contain one of the texts. */
    private static Predicate<Failure> anyOf(String... texts) {
        return f -> {
            String details = String.join("\n", f.details());
            for (String t : texts) {
                if (details.contains(t)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static final Predicate<Failure> R1 = anyOf("got WARM twice");
    private static final Predicate<Failure> R2 = anyOf("got COLD without a WARM before it",
            "retired while set aside");
    private static final Predicate<Failure> R3 = anyOf("freed while warm",
            "got DISCARD while warm", "VBP_Remove()");
    private static final Predicate<Failure> R4 = anyOf("It's time for the big quit", KILLED);
    private static final Predicate<Failure> R5 = anyOf("Dynamic Backends can only be added");
    private static final Predicate<Failure> R5B = anyOf(KILLED);
    private static final Predicate<Failure> R6 = anyOf(SPINS, "Segmentation fault");
    private static final Predicate<Failure> R7 = anyOf("magic == 0xbf726c7d");

    /**
     * Script, the race's failures (what a "no" cell must not show), then per model in the
     * order of {@link #MODELS} the text the failure found must contain, or {@link #NO}.
     *
     * <p>R3 in b9a2040 is R6's failure: the rollback sends COLD to the first window backend
     * a second time and its probe panics. The "cold" cells of R5b (7.5, 7.6, pr4205) are
     * no here: the dynamic VMOD holds a reference on vcl2 until its own COLD event, so the
     * cool-down stores cooling, and an add that reads cooling gives up instead of blocking.
     */
    private static final Object[][] TABLE = {
        {"r1-double-warm.vtc", R1, ENABLE_71, ENABLE_75, probeTurn(712),
            probeTurn(709), NO, NO, NO},
        {"r2-bogus-cold.vtc", R2, DISABLE_71, DISABLE_75, probeTurn(721) + "cold",
            probeTurn(718) + "cold", "retired while set aside", NO, NO},
        {"r3-failed-warmup.vtc", R3, SwitchesTableTest.REMOVE_71, "freed while warm", removeCold(773),
            removeCold(770), NO, probeTurn(718) + "co", NO},
        {"r4-deadlock-on-delete.vtc", R4, KILLED, bigQuit(376), bigQuit(362), NO,
            bigQuit(363), NO, NO},
        {"r5-add-to-cold.vtc", R5, COLD_ADD_71, COLD_ADD, COLD_ADD, COLD_ADD, COLD_ADD,
            COLD_ADD, COLD_ADD},
        {"r5b-add-blocks-cold-walk.vtc", R5B, KILLED, NO, NO, NO, NO, NO, NO},
        {"r6-rollback-loop.vtc", R6, NO, NO, NO, NO, NO, SPINS, NO},
        {"r7-self-assign.vtc", R7, MAGIC_71, MAGIC_75, MAGIC_75, NO, MAGIC_75, NO, NO},
    };

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : TABLE) {
            for (int m = 0; m < MODELS.length; m++) {
                cells.add(Arguments.of(row[0], MODELS[m], row[1], row[m + 2]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cells")
    void searchMatchesTheCatalogue(String script, String model, Predicate<Failure> race,
            String expected) throws IOException {
        Path file = VtcRun.projectRoot().resolve("vtc-cases/explore").resolve(script);
        Scenario scenario = new VtcScenarioFactory(new SimulatedVarnish.Factory())
                .create(file, model);
        ExploreOptions options = new ExploreOptions();
        options.bound = 1;
        options.minimize = false;
        options.failureFilter = expected == null ? race : cellFailure(expected);
        ExploreReport report = new Explorer(scenario, options).explore();
        String cell = script + " under " + model;
        if (expected == null) {
            assertTrue(report.complete(), cell + ": the bound-1 search did not complete: "
                    + report.stopReason());
            assertNull(report.failure(), cell + ": the catalogue says no, but this schedule"
                    + " fails:\n" + (report.failed() ? report.schedule().toText() : ""));
            return;
        }
        assertTrue(report.failed(), cell + ": no schedule within bound 1 shows\n" + expected
                + "\n(" + report.schedules() + " schedules, complete " + report.complete()
                + ")");
        String details = String.join("\n", report.failure().details());
        assertTrue(details.contains(expected), cell + ": expected\n" + expected + "\nin:\n"
                + details);
        if (expected.equals(KILLED)) {
            assertEquals(FailureKind.EXPECTATION, report.failure().kind(),
                    cell + ": a killed child leaves no panic: " + details);
        }
    }

    /**
     * Returns the failures a "yes" cell looks for: those with the release's text, and for a
     * killed child only those without a panic.
     */
    private static Predicate<Failure> cellFailure(String expected) {
        Predicate<Failure> text = anyOf(expected);
        if (expected.equals(KILLED)) {
            return text.and(f -> f.kind() == FailureKind.EXPECTATION);
        }
        return text;
    }
}
