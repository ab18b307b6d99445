package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliReply;
import vclab.vcl.Reply;

/**
 * A long-lived simulated varnishd (the one behind {@code vclab adm} and {@code vclab serve})
 * keeps replying after input that once killed its manager thread and left every later
 * client waiting.
 */
class ManagerSurvivesTest {
    @TempDir
    Path dir;

    /** Returns VCL whose vcl_recv nests {@code depth} parentheses in one condition. */
    private static String deepParentheses(int depth) {
        return "vcl 4.1;\nbackend b none;\nsub vcl_recv {\n    if (" + "(".repeat(depth)
                + "true" + ")".repeat(depth) + ") { return (pass); }\n}\n";
    }

    /** Returns VCL whose vcl_recv nests {@code depth} if statements. */
    private static String deepIfs(int depth) {
        return "vcl 4.1;\nbackend b none;\nsub vcl_recv {\n" + "if (true) {\n".repeat(depth)
                + "}\n".repeat(depth) + "}\n";
    }

    @Test
    void deeplyNestedVclLoads() throws Exception {
        try (TestModel model = TestModel.start(false, "-b", "none")) {
            Files.writeString(dir.resolve("paren.vcl"), deepParentheses(1000));
            Files.writeString(dir.resolve("if.vcl"), deepIfs(3000));
            CliReply paren = model.call("vcl.load paren " + dir.resolve("paren.vcl"));
            assertEquals(200, paren.status(), paren.body());
            CliReply ifs = model.call("vcl.load ifs " + dir.resolve("if.vcl"));
            assertEquals(200, ifs.status(), ifs.body());
        }
    }

    @Test
    void compilerCrashIsReportedLikeVarnishd() throws Exception {
        try (TestModel model = TestModel.start(false, "-b", "none")) {
            Files.writeString(dir.resolve("abyss.vcl"), deepParentheses(2_000_000));
            CliReply r = model.call("vcl.load abyss " + dir.resolve("abyss.vcl"));
            assertEquals(106, r.status(), r.body());
            assertEquals("Running VCC-compiler failed, signal 11\nVCL compilation failed",
                    r.body());
            assertEquals(200, model.call("ping").status());
        }
    }

    @Test
    void failedCommandLeavesManagerServing() throws Exception {
        try (TestModel model = TestModel.start(false, "-b", "none")) {
            Reply failed = model.instance().varnishd().submit(m -> {
                throw new IllegalStateException("a defect in a command");
            }).get(30, TimeUnit.SECONDS);
            assertEquals(400, failed.status());
            assertTrue(failed.body().contains("a defect in a command"), failed.body());
            CliReply ping = model.call("ping");
            assertEquals(200, ping.status(), ping.body());
        }
    }
}
