package vclab.vtc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code shell [-err] [-exit N] [-expect TEXT | -match REGEX] COMMAND}: runs
 * {@code /bin/sh -c "exec 2>&1 ; COMMAND"} in the test's directory and checks its exit code
 * and output. The program runs outside the simulation, so virtual time does not advance meanwhile
 * and simulated threads (a CLI listener answering varnishadm) keep running.
 */
final class ShellCommand {

    /** The output and exit code of a finished shell. */
    record Result(String output, int exitCode) {
    }

    private ShellCommand() {
    }

    static void run(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        String expect = null;
        String regex = null;
        int ok = 0;
        int n = 1;
        for (; n < call.args().size(); n++) {
            String a = call.args().get(n);
            if (a.equals("-err")) {
                ok = -1;
            } else if (a.equals("-exit")) {
                n++;
                ok = atoi(call.arg(n));
            } else if (a.equals("-expect")) {
                if (regex != null) {
                    throw ctx.fail(call.id(), "Cannot use -expect with -match");
                }
                n++;
                expect = call.arg(n);
            } else if (a.equals("-match")) {
                if (expect != null) {
                    throw ctx.fail(call.id(), "Cannot use -match with -expect");
                }
                n++;
                regex = call.arg(n);
            } else {
                break;
            }
        }
        if (call.arg(n) == null) {
            throw call.missingArgument("cmd_shell", "vtc_misc.c", 245, "(av[n]) != 0");
        }
        Pattern pattern = null;
        if (regex != null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw ctx.fail(call.id(), "shell_match invalid regexp (\"" + e.getDescription()
                        + "\" at " + Math.max(0, e.getIndex()) + ")");
            }
        }
        String script = "exec 2>&1 ; " + call.arg(n);
        ctx.dump(4, call.id(), "shell_cmd", script);
        Result result = execute(ctx, script);
        ctx.dump(4, call.id(), "shell_out", result.output());
        ctx.log(4, call.id(), String.format("shell_status = 0x%04x", result.exitCode()));
        check(call, ok, result, expect, pattern, regex);
    }

    private static void check(CommandHandler.Invocation call, int ok, Result result,
            String expect, Pattern pattern, String regex) {
        VtcContext ctx = call.ctx();
        if (ok < 0 && result.exitCode() == 0) {
            throw ctx.fail(call.id(), "shell did not fail as expected");
        } else if (ok >= 0 && result.exitCode() != ok) {
            throw ctx.fail(call.id(), String.format(
                    "shell_exit not as expected: got 0x%04x wanted 0x%04x",
                    result.exitCode(), ok));
        }
        if (expect != null) {
            if (!result.output().contains(expect)) {
                throw ctx.fail(call.id(), "shell_expect not found: (\"" + expect + "\")");
            }
            ctx.log(4, call.id(), "shell_expect found");
        } else if (pattern != null) {
            Matcher m = pattern.matcher(result.output());
            if (!m.find()) {
                throw ctx.fail(call.id(), "shell_match failed: (\"" + regex + "\")");
            }
            ctx.log(4, call.id(), "shell_match succeeded");
        }
    }

    /**
     * Runs {@code /bin/sh -c script} outside the simulation with the test's environment and
     * directory; stdin is empty.
     */
    static Result execute(VtcContext ctx, String script) {
        Map<String, String> env = environmentWithAdm(ctx);
        try {
            return ctx.scheduler().external("shell",
                    () -> runProcess(ctx.shellProcesses(), ctx.tmpdir(), env, script));
        } catch (IOException e) {
            throw ctx.fail("top", "popen fails: " + e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("shell failed", e);
        }
    }

    private static Result runProcess(ShellProcesses processes, Path dir, Map<String, String> env,
            String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", script));
        pb.directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = processes.start(pb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
            code = p.waitFor();
        } finally {
            processes.finished(p);
        }
        // NOTE: Java reports a shell killed by signal N as exit code 128+N; varnishtest 7.1
        // reports exit code 0 then, with a shell_signal line. vclab cannot tell them apart.
        return new Result(out.toString(StandardCharsets.UTF_8), code & 0xff);
    }

    /**
     * Returns the test's environment, with a {@code varnishadm} wrapper that runs
     * {@code bin/vclab adm} first on PATH when PATH has no real varnishadm.
     */
    static Map<String, String> environmentWithAdm(VtcContext ctx) {
        Map<String, String> env = new java.util.LinkedHashMap<>(ctx.environment());
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "varnishadm"))) {
                return env;
            }
        }
        Path launcher = Launcher.find();
        if (launcher == null) {
            return env;
        }
        Path bin = ctx.tmpdir().resolve(".vclab-bin");
        Path wrapper = bin.resolve("varnishadm");
        try {
            if (!Files.exists(wrapper)) {
                Files.createDirectories(bin);
                Files.writeString(wrapper, "#!/bin/sh\nexec '" + launcher + "' adm \"$@\"\n");
                wrapper.toFile().setExecutable(true);
            }
        } catch (IOException e) {
            System.getLogger(ShellCommand.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot write the varnishadm wrapper " + wrapper + ": " + e);
            return env;
        }
        env.put("PATH", bin + ":" + path);
        return env;
    }

    /** Parses like C's atoi: leading digits with an optional sign, 0 for none. */
    static int atoi(String s) {
        if (s == null) {
            return 0;
        }
        Matcher m = Pattern.compile("^\\s*([+-]?\\d+)").matcher(s);
        if (!m.find()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
