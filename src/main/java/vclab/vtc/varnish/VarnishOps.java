package vclab.vtc.varnish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vclab.cli.CliBuiltins;
import vclab.cli.CliReply;
import vclab.cli.CliSession;
import vclab.instance.Instance;
import vclab.instance.InstanceException;
import vclab.instance.InstanceOptions;
import vclab.model.Models;
import vclab.vcl.Glob;
import vclab.vcl.VclModel;
import vclab.vcl.VslRecord;
import vclab.vtc.VtcContext;

/** What the {@code varnish} options do, as varnishtest 7.1's vtc_varnish.c does it. */
final class VarnishOps {
    private static final String NONSENSE = "%XJEIFLH|)Xspa8P";

    private final VtcContext ctx;

    VarnishOps(VtcContext ctx) {
        this.ctx = ctx;
    }

    /** A new instance object: its work directory name is known from now on. */
    void create(VarnishState v) {
        v.session = new CliSession("varnishtest " + v.name, false);
    }

    void requireNotLaunched(VarnishState v, String option) {
        if (v.launched) {
            throw ctx.fail(v.name, "varnish " + option + " must come before the instance is"
                    + " launched");
        }
    }

    // ---------------------------------------------------------------- launch

    void launchIfNeeded(VarnishState v) {
        if (v.launched) {
            if (v.launchError != null) {
                throw ctx.fail(v.name, v.launchError);
            }
            return;
        }
        v.launched = true;
        ctx.log(2, v.name, "Launch");
        Path workdir = ctx.tmpdir().resolve(v.name);
        List<String> argv = new ArrayList<>(List.of("-d", "-n", workdir.toString()));
        StringBuilder runnerParams = new StringBuilder();
        for (String p : ctx.options().varnishdParams()) {
            argv.add("-p");
            argv.add(p);
            runnerParams.append(" -p ").append(p);
        }
        argv.addAll(List.of("-l", "2m", "-p", "auto_restart=off", "-p", "syslog_cli_traffic=off",
                "-p", "thread_pool_min=10", "-p", "debug=+vtc_mode", "-p", "vsl_mask=+Debug",
                "-p", "h2_initial_window_size=1m", "-p", "h2_rx_window_low_water=64k"));
        String a = "127.0.0.1:0" + (v.proto == null ? "" : "," + v.proto);
        if (!v.hasAArg) {
            argv.addAll(List.of("-a", a));
        }
        argv.addAll(List.of("-M", "127.0.0.1 0", "-P", workdir.resolve("varnishd.pid")
                .toString()));
        StringBuilder extra = new StringBuilder();
        for (String arg : v.args) {
            extra.append(' ').append(arg);
            argv.addAll(vclab.instance.ShellWords.split(arg));
        }
        String cmd = "cd ${pwd} && exec varnishd " + v.jail + " -d -n " + workdir
                + runnerParams + " -l 2m -p auto_restart=off -p syslog_cli_traffic=off -p thread_pool_min=10"
                + " -p debug=+vtc_mode -p vsl_mask=+Debug -p h2_initial_window_size=1m"
                + " -p h2_rx_window_low_water=64k"
                + (v.hasAArg ? "" : " -a '" + a + "'") + " -M '127.0.0.1 0' -P " + workdir
                + "/varnishd.pid" + extra + " ";
        ctx.log(3, v.name, "CMD: " + cmd);
        ctx.log(3, v.name, "CMD: " + ctx.expand(v.name, cmd));

        VclModel model;
        try {
            model = v.model != null ? Models.byId(v.model) : ctx.options().model() != null
                    ? Models.byId(ctx.options().model()) : Models.defaultModel();
        } catch (IllegalArgumentException e) {
            throw ctx.fail(v.name, e.getMessage());
        }
        InstanceOptions o = new InstanceOptions(v.name, expandAll(argv), model, null,
                new ServerOracle(ctx), !ctx.options().sealed(), ctx.options().pwd(),
                v.name.hashCode());
        try {
            v.instance = Instance.launch(ctx.scheduler(), o);
        } catch (InstanceException e) {
            for (String line : e.getMessage().split("\n")) {
                ctx.log(3, v.name, "debug|" + line);
            }
            v.launchError = "FAIL debug pipe closed";
            throw ctx.fail(v.name, v.launchError);
        }
        int pid = v.instance.varnishd().masterPid();
        ctx.log(3, v.name, "PID: " + pid);
        ctx.defineMacro(v.name, v.name + "_pid", String.valueOf(pid));
        ctx.defineMacro(v.name, v.name + "_name", workdir.toString());
        ctx.varnishdLaunched(v.name, v.instance.varnishd());
        if (ctx.logging()) {
            v.instance.varnishd().addStderrListener(line -> ctx.log(3, v.name, "debug|" + line));
            v.instance.varnishd().vsl.addListener(r -> logRecord(v, r));
        }
        ctx.vslLogs().publish(v.name, v.instance.varnishd().vsl);
        var release = model.release();
        ctx.log(3, v.name, "debug|Debug: Version: varnish-" + release.version() + " revision "
                + release.revision());
        ctx.log(3, v.name, "debug|Debug: Platform: " + v.instance.varnishd().platform());
        authenticate(v);
    }

    private List<String> expandAll(List<String> argv) {
        List<String> out = new ArrayList<>();
        for (String a : argv) {
            out.add(ctx.expand("top", a));
        }
        return out;
    }

    private void authenticate(VarnishState v) {
        ctx.log(3, v.name, "CLI connection fd = " + ctx.nextFd());
        CliReply greeting = v.instance.greet(v.session);
        logReply(v, greeting);
        if (greeting.status() != 107) {
            throw ctx.fail(v.name, "CLI auth demand expected: " + greeting.status() + " "
                    + greeting.body());
        }
        String challenge = greeting.body().substring(0, 32);
        String auth = "auth " + CliBuiltins.authResponse(challenge, v.instance.secret());
        CliReply r = ask(v, auth);
        if (r.status() != 200) {
            throw ctx.fail(v.name, "CLI auth command failed: " + r.status() + " " + r.body());
        }
    }

    private void logRecord(VarnishState v, VslRecord r) {
        ctx.log(4, v.name, String.format(Locale.ROOT, "vsl| %10d %-15s %c %s", r.vxid(),
                r.tag(), r.type(), r.payload()));
    }

    // ---------------------------------------------------------------- CLI exchanges

    /** varnish_ask_cli: send, log both ways, return the reply. */
    CliReply ask(VarnishState v, String cmd) {
        ctx.dump(4, v.name, "CLI TX", cmd);
        List<CliReply> replies = v.instance.send(v.session, cmd);
        if (replies.isEmpty()) {
            throw ctx.fail(v.name, "CLI failed (" + cmd + ") = -1 0 (no reply)");
        }
        CliReply r = replies.get(0);
        logReply(v, r);
        return r;
    }

    private void logReply(VarnishState v, CliReply r) {
        ctx.log(3, v.name, "CLI RX  " + r.status());
        ctx.dump(4, v.name, "CLI RX", r.body());
    }

    void cli(VarnishState v, String cmd, int expected, String regex) {
        launchIfNeeded(v);
        Pattern re = null;
        if (regex != null) {
            try {
                re = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw ctx.fail(v.name, "Illegal regexp: " + e.getDescription() + " (@"
                        + e.getIndex() + ")");
            }
        }
        CliReply r = ask(v, cmd);
        if (ctx.logging()) {
            ctx.log(2, v.name, String.format(Locale.ROOT, "CLI %03d <%s>", r.status(), cmd));
        }
        if (expected != 0 && expected != r.status()) {
            throw ctx.fail(v.name, "FAIL CLI response " + r.status() + " expected " + expected);
        }
        if (re != null && !re.matcher(r.body()).find()) {
            throw ctx.fail(v.name, "Expect failed (no match)");
        }
    }

    void cliJson(VarnishState v, String cmd) {
        launchIfNeeded(v);
        CliReply r = ask(v, cmd);
        if (ctx.logging()) {
            ctx.log(2, v.name, String.format(Locale.ROOT, "CLI %03d <%s>", r.status(), cmd));
        }
        if (r.status() != 200) {
            throw ctx.fail(v.name, "FAIL CLI response " + r.status() + " expected 200");
        }
        // TODO: varnishtest's parser (vjsn) words its errors differently ("Bad number",
        // "Unterminated string"); only "Garbage after value" is reproduced here.
        try (JsonParser p = new JsonFactory().createParser(r.body())) {
            p.nextToken();
            p.skipChildren();
            if (p.nextToken() != null) {
                throw ctx.fail(v.name, "FAIL CLI, not good JSON: Garbage after value");
            }
        } catch (JsonProcessingException e) {
            throw ctx.fail(v.name, "FAIL CLI, not good JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ctx.fail(v.name, "FAIL CLI, not good JSON: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- VCL

    /** varnish_vcl; returns the vcl.inline reply. */
    CliReply vcl(VarnishState v, String vcl, boolean fail) {
        launchIfNeeded(v);
        int n = ++v.vclNumber;
        String text = String.format(Locale.ROOT, "vcl.inline vcl%d << %s\nvcl %.1f;\n%s\n%s\n",
                n, NONSENSE, v.syntax, vcl, NONSENSE);
        CliReply r = ask(v, text);
        int u = r.status();
        if (u == 200) {
            u = ask(v, "vcl.use vcl" + n).status();
        }
        if (u == 200 && fail) {
            throw ctx.fail(v.name, "VCL compilation succeeded expected failure");
        } else if (u != 200 && !fail) {
            throw ctx.fail(v.name, "VCL compilation failed expected success");
        } else if (fail) {
            ctx.log(2, v.name, "VCL compilation failed (as expected)");
        }
        return r;
    }

    void errvcl(VarnishState v, String expected, String vcl) {
        CliReply r = vcl(v, vcl, true);
        if (!r.body().contains(expected)) {
            throw ctx.fail(v.name, "Did not find expected string: (\"" + expected + "\")");
        }
        ctx.log(3, v.name, "Found expected string: (\"" + expected + "\")");
    }

    void vclBackend(VarnishState v, String vcl) {
        launchIfNeeded(v);
        int n = ++v.vclNumber;
        String head = String.format(Locale.ROOT, "vcl %.1f;\n", v.syntax)
                + ctx.servers().backendDeclarations();
        String text = "vcl.inline vcl" + n + " << " + NONSENSE + "\n" + head + "\n" + vcl + "\n"
                + NONSENSE + "\n";
        if (ask(v, text).status() != 200) {
            throw ctx.fail(v.name, "FAIL VCL does not compile");
        }
        CliReply use = ask(v, "vcl.use vcl" + n);
        if (use.status() != 200) {
            throw ctx.fail(v.name, "vcl.use vcl" + n + " failed: " + use.status() + " "
                    + use.body());
        }
    }

    // ---------------------------------------------------------------- start and stop

    void start(VarnishState v) {
        launchIfNeeded(v);
        ctx.log(2, v.name, "Start");
        CliReply r = ask(v, "start");
        if (ctx.isFailed()) {
            return;
        }
        if (r.status() != 200) {
            throw ctx.fail(v.name, "CLI start command failed: " + r.status() + " " + r.body());
        }
        waitRunning(v);
        r = ask(v, "debug.xid 999");
        if (r.status() != 200) {
            throw ctx.fail(v.name, "CLI debug.xid command failed: " + r.status() + " "
                    + r.body());
        }
        r = ask(v, "debug.listen_address");
        if (r.status() != 200) {
            throw ctx.fail(v.name, "CLI debug.listen_address command failed: " + r.status()
                    + " " + r.body());
        }
        listen(v, r.body());
    }

    private void listen(VarnishState v, String body) {
        boolean first = true;
        for (String line : body.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 3) {
                continue;
            }
            String addr = f[2].equals("-") ? "0.0.0.0" : f[1];
            String port = f[2].equals("-") ? "0" : f[2];
            String sock = f[2].equals("-") ? f[1] : addr + ":" + port;
            if (first) {
                ctx.log(2, v.name, "Listen on " + f[1] + " " + f[2]);
                ctx.defineMacro(v.name, v.name + "_addr", addr);
                ctx.defineMacro(v.name, v.name + "_port", port);
                ctx.defineMacro(v.name, v.name + "_sock", sock);
                first = false;
            }
            ctx.defineMacro(v.name, v.name + "_" + f[0] + "_addr", addr);
            ctx.defineMacro(v.name, v.name + "_" + f[0] + "_port", port);
            ctx.defineMacro(v.name, v.name + "_" + f[0] + "_sock", sock);
        }
    }

    void stop(VarnishState v) {
        launchIfNeeded(v);
        ctx.log(2, v.name, "Stop");
        ask(v, "stop");
        waitStopped(v);
    }

    void waitStopped(VarnishState v) {
        launchIfNeeded(v);
        ctx.log(3, v.name, "wait-stopped");
        while (true) {
            CliReply r = ask(v, "status");
            if (r.status() != 200) {
                throw ctx.fail(v.name, "CLI status command failed: " + r.status() + " "
                        + r.body());
            }
            if (r.body().equals("Child in state stopped")) {
                return;
            }
            ctx.scheduler().sleep(200_000_000L);
        }
    }

    void waitRunning(VarnishState v) {
        launchIfNeeded(v);
        while (true) {
            ctx.log(3, v.name, "wait-running");
            CliReply r = ask(v, "status");
            if (r.status() != 200) {
                throw ctx.fail(v.name, "CLI status command failed: " + r.status() + " "
                        + r.body());
            }
            if (r.body().equals("Child in state stopped")) {
                throw ctx.fail(v.name, "Child stopped before running: " + r.status() + " "
                        + r.body());
            }
            if (r.body().equals("Child in state running")) {
                r = ask(v, "debug.listen_address");
                if (r.status() != 200) {
                    throw ctx.fail(v.name, "CLI status command failed: " + r.status() + " "
                            + r.body());
                }
                return;
            }
            ctx.scheduler().sleep(200_000_000L);
        }
    }

    /** varnish_wait: log the backends, stop, check for a panic, end the process. */
    void waitAndEnd(VarnishState v) {
        if (!v.launched || v.cleanedUp || v.instance == null) {
            return;
        }
        ctx.log(2, v.name, "Wait");
        if (!ctx.isFailed()) {
            ask(v, "backend.list");
        }
        if (!ctx.isFailed()) {
            ctx.log(2, v.name, "Stop");
            ask(v, "stop");
            waitStopped(v);
        }
        if (ask(v, "panic.show").status() != 300) {
            throw ctx.fail(v.name, "Unexpected panic");
        }
        cleanup(v);
    }

    /** varnish_cleanup: close the CLI and stdin, then check the exit status. */
    void cleanup(VarnishState v) {
        if (v.instance == null || v.cleanedUp) {
            return;
        }
        v.cleanedUp = true;
        var mgt = v.instance.varnishd().manager();
        if (mgt.childRunning()) {
            ctx.log(3, v.name, "debug|Info: manager stopping child");
        }
        ctx.log(3, v.name, "debug|Info: manager dies");
        ctx.log(4, v.name, "STDOUT EOF");
        v.instance.closeEndpoints();
        ctx.vslLogs().withdraw(v.name);
        int status = (mgt.exitStatus() & 0xff) << 8;
        if (ctx.logging()) {
            ctx.log(2, v.name, String.format(Locale.ROOT,
                    "WAIT4 pid=%d status=0x%04x (user 0.000000 sys 0.000000)",
                    v.instance.varnishd().masterPid(), status));
        }
        int exit = mgt.exitStatus();
        if (exit != v.expectExit) {
            ctx.log(2, v.name, String.format(Locale.ROOT, "Expected exit: 0x%x signal: %d"
                    + " core: %d", v.expectExit, 0, 0));
            throw ctx.fail(v.name, String.format(Locale.ROOT, "Bad exit status: 0x%04x exit 0x%x"
                    + " signal %d core %d", status, exit, 0, 0));
        }
    }

    // ---------------------------------------------------------------- statistics

    void expect(VarnishState v, String lhs, String op, String rhs) {
        launchIfNeeded(v);
        boolean not = lhs.startsWith("!");
        String left = not ? lhs.substring(1) : lhs;
        Long rhsValue = null;
        String rhsPattern = null;
        if (!not) {
            try {
                rhsValue = SimulatedVarnish.parseUnsigned(rhs);
                if (!rhs.trim().matches("(0[xX])?[0-9a-fA-F]+")) {
                    rhsValue = null;
                    rhsPattern = rhs;
                }
            } catch (NumberFormatException e) {
                rhsPattern = rhs;
            }
        }
        long[] values = null;
        boolean good = false;
        for (int i = 0; i < 50; i++) {
            if (i > 0) {
                ctx.scheduler().sleep(100_000_000L);
            }
            Map<String, Long> snapshot = v.instance.varnishd().counterSnapshot();
            Long l = find(snapshot, left);
            Long r = rhsPattern == null ? rhsValue : find(snapshot, rhsPattern);
            if (l == null || r == null && !not) {
                values = null;
                continue;
            }
            if (not) {
                throw ctx.fail(v.name, "Found (not expected): " + left);
            }
            values = new long[] {l, r};
            good = compare(v, op, l, r);
            if (good) {
                break;
            }
        }
        if (values == null) {
            if (not) {
                ctx.log(2, v.name, "not found (as expected): " + left);
                return;
            }
            Map<String, Long> snapshot = v.instance.varnishd().counterSnapshot();
            throw ctx.fail(v.name, "stats field " + (find(snapshot, left) != null ? rhsPattern
                    : left) + " unknown");
        }
        String text = String.format(Locale.ROOT, "%s (%s) %s %s (%s)", lhs,
                Long.toUnsignedString(values[0]), op, rhs, Long.toUnsignedString(values[1]));
        if (good) {
            ctx.log(2, v.name, "as expected: " + text);
        } else {
            throw ctx.fail(v.name, "Not true: " + text);
        }
    }

    private boolean compare(VarnishState v, String op, long l, long r) {
        int c = Long.compareUnsigned(l, r);
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            default -> throw ctx.fail(v.name, "comparison " + op + " unknown");
        };
    }

    /** stat_match: a pattern without a dot matches MAIN counters by their short name. */
    private static Long find(Map<String, Long> counters, String pattern) {
        var glob = Glob.compile(pattern);
        boolean main = pattern.indexOf('.') < 0;
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            String name = e.getKey();
            if (main) {
                if (!name.startsWith("MAIN.")) {
                    continue;
                }
                name = name.substring(5);
            }
            if (glob.matcher(name).matches()) {
                return e.getValue();
            }
        }
        return null;
    }

    void vsc(VarnishState v, String pattern) {
        launchIfNeeded(v);
        var glob = Glob.compile(pattern);
        for (Map.Entry<String, Long> e : v.instance.varnishd().counterSnapshot().entrySet()) {
            if (glob.matcher(e.getKey()).matches()) {
                ctx.log(4, v.name, "VSC " + e.getKey() + " " + Long.toUnsignedString(
                        e.getValue()));
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
