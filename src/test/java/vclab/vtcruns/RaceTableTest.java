package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The race catalogue of vcl-history.md section 4 as a table: each reproduction script in
 * vtc-cases/bugs runs under each of the seven models and must end as the catalogue says,
 * with the panic text that release printed, a kill after cli_timeout, or a clean run.
 */
class RaceTableTest {
    private static final String[] MODELS = {
        "v7.4", "v7.5", "v7.6", "v7.7", "pr4205", "b9a2040", "v8.0"};

    /** No panic, no kill: the script passes. */
    static final String CLEAN = "clean";
    /** The child is killed after cli_timeout without a panic text (before 7.4.0). */
    static final String KILLED = "killed";

    static final String ENABLE_71 = "Assert error in VBP_Control(),"
            + " cache/cache_backend_probe.c line 656:\n  Condition(vt->heap_idx == VBH_NOIDX)";
    static final String ENABLE_75 = "Assert error in VBP_Control(),"
            + " cache/cache_backend_probe.c line 661:\n  Condition(vt->heap_idx == VBH_NOIDX)";
    static final String DISABLE_71 = "Assert error in VBP_Control(),"
            + " cache/cache_backend_probe.c line 660:\n  Condition(vt->heap_idx != VBH_NOIDX)";
    static final String DISABLE_75 = "Assert error in VBP_Control(),"
            + " cache/cache_backend_probe.c line 665:\n  Condition(vt->heap_idx != VBH_NOIDX)";
    static final String COLD_ADD_71 = "Wrong turn at cache/cache_vrt_vcl.c:224:\n"
            + "Dynamic Backends can only be added to warm VCLs";
    static final String COLD_ADD = "Wrong turn at cache/cache_vrt_vcl.c:252:\n"
            + "Dynamic Backends can only be added to warm VCLs";
    static final String MAGIC_71 = "Assert error in VRT_Assign_Backend(),"
            + " cache/cache_vrt_vcl.c line 304:\n  Condition((src->vdir)->magic == 0xbf726c7d)";
    static final String MAGIC_75 = "Assert error in VRT_Assign_Backend(),"
            + " cache/cache_vrt_vcl.c line 347:\n  Condition((vdir)->magic == 0xbf726c7d)";

    /**
     * A WRONG() panic. An empty {@code word} stands for a probe's state, which is
     * "scheduled" or "running" depending on whether its poke task runs at that instant.
     */
    static String wrongTurn(String file, int line, String word) {
        return "Wrong turn at cache/" + file + ":" + line + ":\n" + word;
    }

    static String bigQuit(int line) {
        return wrongTurn("cache_main.c", line, "It's time for the big quit");
    }

    /** Script, then the expected outcome per model in the order of {@link #MODELS}. */
    private static final Object[][] TABLE = {
        {"r1-double-warm.vtc", ENABLE_71, ENABLE_75,
            wrongTurn("cache_backend_probe.c", 712, ""),
            wrongTurn("cache_backend_probe.c", 709, ""), CLEAN, CLEAN, CLEAN},
        {"r2-bogus-cold.vtc", DISABLE_71, DISABLE_75,
            wrongTurn("cache_backend_probe.c", 721, "cold"),
            wrongTurn("cache_backend_probe.c", 718, "cold"),
            wrongTurn("cache_backend_probe.c", 718, "cold"), CLEAN, CLEAN},
        {"r3-failed-warmup.vtc", ENABLE_71, ENABLE_75,
            wrongTurn("cache_backend_probe.c", 712, ""),
            wrongTurn("cache_backend_probe.c", 709, ""), CLEAN,
            "Wrong turn at cache/cache_backend_probe.c:718:\nco", CLEAN},
        {"r4-deadlock-on-delete.vtc", KILLED, bigQuit(376), bigQuit(362), CLEAN, bigQuit(363),
            CLEAN, CLEAN},
        {"r5-add-to-cold.vtc", COLD_ADD_71, COLD_ADD, COLD_ADD, COLD_ADD, COLD_ADD, COLD_ADD,
            COLD_ADD},
        {"r5b-add-blocks-cold-walk.vtc", KILLED, CLEAN, CLEAN, CLEAN, CLEAN, CLEAN, CLEAN},
        {"r6-rollback-loop.vtc", CLEAN, CLEAN, CLEAN, CLEAN, CLEAN, bigQuit(385), CLEAN},
        {"r7-self-assign.vtc", MAGIC_71, MAGIC_75, MAGIC_75, CLEAN, MAGIC_75, CLEAN, CLEAN},
    };

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : TABLE) {
            for (int m = 0; m < MODELS.length; m++) {
                cells.add(Arguments.of(row[0], MODELS[m], row[m + 1]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cells")
    void outcomeMatchesTheCatalogue(String script, String model, String expected) {
        Path file = VtcRun.projectRoot().resolve("vtc-cases/bugs").resolve(script);
        assertOutcome(file, model, expected, script.startsWith("r5-"));
    }

    /**
     * Runs {@code file} under {@code model} and checks the outcome: {@link #CLEAN}, {@link
     * #KILLED}, or a panic text (which fails the script unless {@code passesWithPanic}).
     */
    static void assertOutcome(Path file, String model, String expected,
            boolean passesWithPanic) {
        String script = file.getFileName().toString();
        VtcRun r = VtcRun.run(List.of("-v", "--model", model, file.toString()));
        String child = childOutput(r.out + r.err);
        boolean panicked = child.contains("Panic at: ");
        boolean killed = child.contains("not responding to CLI, killed it.");
        switch (expected) {
            case CLEAN -> {
                assertEquals("passed", r.verdict(file), script + " under " + model + ":\n"
                        + child);
                assertFalse(panicked, "unexpected panic:\n" + child);
                assertFalse(killed, "unexpected kill:\n" + child);
            }
            case KILLED -> {
                assertEquals("FAILED", r.verdict(file));
                assertTrue(killed, "expected a kill after cli_timeout:\n" + child);
                assertFalse(panicked, "expected no panic text before 7.4.0:\n" + child);
            }
            default -> {
                assertEquals(passesWithPanic ? "passed" : "FAILED", r.verdict(file),
                        script + " under " + model);
                assertTrue(child.contains(expected), "expected panic text\n" + expected
                        + "\nin:\n" + child);
                if (expected.endsWith(":\n")) {
                    String after = child.substring(child.indexOf(expected) + expected.length());
                    assertTrue(after.startsWith("scheduled\n") || after.startsWith("running\n"),
                            "expected a probe state after " + expected + " in:\n" + child);
                }
            }
        }
    }

    /** The child's and manager's stderr lines of the log, without varnishtest's prefixes. */
    private static String childOutput(String log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.split("\n")) {
            int i = line.indexOf(" debug|");
            if (i >= 0) {
                sb.append(line.substring(i + 7)).append('\n');
            }
        }
        return sb.toString();
    }
}
