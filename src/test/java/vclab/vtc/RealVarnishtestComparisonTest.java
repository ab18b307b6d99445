package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs scripts that need no varnishd under Debian's varnishtest 7.1.1 and under vclab, and
 * compares exit codes and logs with times, temporary names and ports masked.
 */
@Tag("real-varnish")
class RealVarnishtestComparisonTest {
    private static final Path VARNISHTEST = Path.of("/usr/bin/varnishtest");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "shell -match \"^a\" {echo abc; echo \"x\\ty\" >&2}\nshell -expect b {echo abc}\n"
            + "shell -exit 3 \"exit 3\"\nshell -err false\nshell \"printf 'a\\001b\\\\c\\\"'\"\n",
        "shell \"false\"\n",
        "shell -expect nothere {echo abc}\n",
        "shell -match \"^b\" {echo abc}\n",
        "shell -err true\n",
        "delay 0.25\ndelay 1e-3\n",
        "delay 0.25\nloop 3 {\n\tdelay .1\n}\n",
        "setenv FOO \"bar baz\"\nsetenv -ifunset FOO other\nshell -expect \"bar baz\" {echo $FOO}\n",
        "setenv A b c\n",
        "delay x\n",
        "barrier b1 cond 2\nbarrier b2 sock 2\nbarrier b1 -cyclic\n",
        "barrier b1 cond 1\n",
        "barrier b1 sync\n",
        "feature cmd true\nfeature 64bit ipv4 !topbuild\nfeature cmd false\nshell true\n",
        "feature !ipv4\n",
        "feature nosuch\n",
        "foo bar\n",
        "shell \"echo hi\n",
        "shell \"echo ${nope}\"\n",
        "shell \"echo ${string,repeat,3,ab} ${pwd,x}\"\n",
        "shell -expect ababab \"echo ${string,repeat,3,ab}\"\n",
        "feature ignore_unknown_macro\nshell \"echo '${nope}'\"\n",
        "# comment\n  shell \\\n  true\nshell {\n  echo a\n  echo b\n}\n",
    })
    void sameLogAsVarnishtest(String body) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(VARNISHTEST), "varnishtest is not installed");
        String script = "varnishtest \"compare\"\n" + body;
        Files.writeString(dir.resolve("c.vtc"), script);
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        ProcessBuilder pb = new ProcessBuilder(VARNISHTEST.toString(), "-v", "c.vtc");
        pb.directory(dir.toFile());
        pb.environment().put("TMPDIR", tmp.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(bytes);
        }
        int realExit = p.waitFor();
        String real = bytes.toString(StandardCharsets.UTF_8);

        VtcHarness.Run ours = new VtcHarness(dir).run("-v", "c.vtc");
        assertEquals(realExit, ours.exitCode(), "exit code\n" + real + "\n---\n" + ours.out());
        assertEquals(mask(real), mask(ours.out()));
    }

    private static String mask(String log) {
        String s = VtcHarness.normalize(log).replaceAll("(?m)^\\*    diag .*\\n", "");
        return String.join("\n", List.of(s.split("\n")));
    }
}
