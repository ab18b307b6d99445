package vclab.vtcruns;

import static vclab.vtcruns.RaceTableTest.CLEAN;
import static vclab.vtcruns.RaceTableTest.DISABLE_71;
import static vclab.vtcruns.RaceTableTest.DISABLE_75;
import static vclab.vtcruns.RaceTableTest.ENABLE_71;
import static vclab.vtcruns.RaceTableTest.ENABLE_75;
import static vclab.vtcruns.RaceTableTest.KILLED;
import static vclab.vtcruns.RaceTableTest.bigQuit;
import static vclab.vtcruns.RaceTableTest.wrongTurn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The races as they were first reproduced on real builds, with the debug VMOD's test switches
 * (max_esi_depth 39 to 42), each in one CLI command: the scripts in vtc-cases/switches must
 * end under each model as the real release ended. Only the releases those runs covered are
 * listed for each switch. The real runs of switch 41 found the new probe "running"; whether a
 * refused poke to a loopback address is still in flight at that instant is a matter of
 * microseconds, so "scheduled" is accepted too; for the same reason b9a2040's second COLD may
 * find the probe "cold" where the real run found it "cooling".
 */
class SwitchesTableTest {
    static final String REMOVE_71 = "Assert error in VBP_Remove(),"
            + " cache/cache_backend_probe.c line 714:\n  Condition(vt->heap_idx == VBH_NOIDX)";
    private static final String REMOVE_76 = "Assert error in VBP_Remove(),"
            + " cache/cache_backend_probe.c line 773:\n  Condition(vt->state == vbp_state_cold)";
    private static final String REMOVE_77 = "Assert error in VBP_Remove(),"
            + " cache/cache_backend_probe.c line 770:\n  Condition(vt->state == vbp_state_cold)";
    private static final String SEGV = "Wrong turn at cache/cache_main.c:341:\n"
            + "Signal 11 (Segmentation fault) received at 0x30 si_code 1";

    /** Script, then model and outcome pairs. */
    private static final Object[][] TABLE = {
        {"s41-double-warm.vtc", "v7.4", ENABLE_71, "v7.5", ENABLE_75,
            "v7.6", wrongTurn("cache_backend_probe.c", 712, ""),
            "v7.7", wrongTurn("cache_backend_probe.c", 709, ""),
            "pr4205", CLEAN, "b9a2040", CLEAN, "v8.0", CLEAN},
        {"s42-failed-warmup.vtc", "v7.4", REMOVE_71, "v7.5", CLEAN, "v7.6", REMOVE_76,
            "v7.7", REMOVE_77, "pr4205", CLEAN,
            // "cooling" in the real run, "cold" when no poke is in flight: see above.
            "b9a2040", wrongTurn("cache_backend_probe.c", 718, "co"), "v8.0", CLEAN},
        {"s42-failed-warmup-empty.vtc", "v7.5", CLEAN, "v7.6", REMOVE_76, "v7.7", REMOVE_77,
            "pr4205", CLEAN, "b9a2040", SEGV, "v8.0", CLEAN},
        {"s40-bogus-cold.vtc", "v7.4", DISABLE_71, "v7.5", DISABLE_75,
            "v7.6", wrongTurn("cache_backend_probe.c", 721, "cold"),
            "v7.7", wrongTurn("cache_backend_probe.c", 718, "cold"),
            "pr4205", wrongTurn("cache_backend_probe.c", 718, "cold"), "v8.0", CLEAN},
        {"s39-deadlock.vtc", "v7.4", KILLED, "v7.5", bigQuit(376), "v7.6", bigQuit(362),
            "v7.7", CLEAN, "pr4205", bigQuit(363), "v8.0", CLEAN},
    };

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : TABLE) {
            for (int i = 1; i < row.length; i += 2) {
                cells.add(Arguments.of(row[0], row[i], row[i + 1]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cells")
    void outcomeMatchesTheRealRelease(String script, String model, String expected) {
        Path file = VtcRun.projectRoot().resolve("vtc-cases/switches").resolve(script);
        RaceTableTest.assertOutcome(file, model, expected, false);
    }
}
