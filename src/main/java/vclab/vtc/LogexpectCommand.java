package vclab.vtc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vclab.sched.SimThread;
import vclab.vcl.VslLog;
import vclab.vcl.VslRecord;

/**
 * {@code logexpect lNAME -v vNAME [options] [SPEC] [-start|-wait|-run]}: watches the
 * simulated shared-memory log of a varnish instance for a sequence of records. One object
 * serves one test.
 */
final class LogexpectCommand {
    private static final long ATTACH_TIMEOUT_NANOS = 5_000_000_000L;

    /** One logexpect of the script. */
    static final class Instance {
        final String name;
        final String vname;
        final List<LogexpectTest> tests = new ArrayList<>();
        final VslFilter filter = new VslFilter();
        boolean mArg;
        boolean errArg;
        int dArg;
        String grouping = "vxid";
        String query;
        SimThread thread;
        boolean cancelled;

        Instance(String name, String vname) {
            this.name = name;
            this.vname = vname;
        }

        boolean isRunning() {
            return thread != null;
        }
    }

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, CommandHandler> specCommands = new LinkedHashMap<>();
    /** The logexpect whose specification is being parsed, for the spec commands. */
    private Instance currentSpec;

    LogexpectCommand() {
        specCommands.put("expect", this::expect);
        specCommands.put("fail", this::failEntry);
        specCommands.put("abort", call -> common(call, LogexpectTest.ABORT));
    }

    void run(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        List<String> args = call.args();
        String name = call.arg(1);
        if (!name.startsWith("l")) {
            throw ctx.fail(call.id(), "Logexpect name must start with 'l' (got " + name + ")");
        }
        Instance le = instances.get(name);
        int i = 2;
        if (le == null) {
            if (!"-v".equals(call.arg(2)) || call.arg(3) == null) {
                throw ctx.fail(call.id(), "new logexp lacks -v");
            }
            le = new Instance(name, call.arg(3));
            instances.put(name, le);
            attach(ctx, le);
            i = 4;
        }
        for (; i < args.size(); i++) {
            if (ctx.isFailed()) {
                break;
            }
            i = option(call, le, args, i);
        }
    }

    /** Handles the option at {@code i}; returns the index of its last word. */
    private int option(CommandHandler.Invocation call, Instance le, List<String> args, int i) {
        VtcContext ctx = call.ctx();
        String a = args.get(i);
        String value = i + 1 < args.size() ? args.get(i + 1) : null;
        if (a.equals("-wait")) {
            if (!le.isRunning()) {
                throw ctx.fail(le.name, "logexp not -started '" + a + "'");
            }
            await(ctx, le);
            return i;
        }
        if (le.isRunning()) {
            await(ctx, le);
        }
        switch (a) {
            case "-v" -> {
                if (value == null || !value.equals(le.vname)) {
                    throw ctx.fail(le.name, "-v argument cannot change");
                }
                return i + 1;
            }
            case "-d", "-g", "-q" -> {
                if (value == null) {
                    throw ctx.fail(le.name, "Missing " + a + " argument");
                }
                if (a.equals("-d")) {
                    le.dArg = ShellCommand.atoi(value);
                } else if (a.equals("-q")) {
                    le.query = value;
                } else {
                    le.grouping = VslTags.grouping(value);
                    if (le.grouping == null) {
                        throw ctx.fail(le.name, "Unknown grouping '" + value + "'");
                    }
                }
                return i + 1;
            }
            case "-m" -> le.mArg = !le.mArg;
            case "-err" -> le.errArg = !le.errArg;
            case "-start" -> start(ctx, le);
            case "-run" -> {
                start(ctx, le);
                await(ctx, le);
            }
            default -> {
                return otherOption(call, le, a, value, i);
            }
        }
        return i;
    }

    private int otherOption(CommandHandler.Invocation call, Instance le, String a, String value,
            int i) {
        VtcContext ctx = call.ctx();
        if (a.startsWith("-")) {
            if (value == null || a.length() < 2) {
                throw ctx.fail(le.name, "Unknown logexp argument: " + a);
            }
            String error = le.filter.apply(a.charAt(1), value);
            if (error != null) {
                throw ctx.fail(le.name, error);
            }
            return i + 1;
        }
        le.tests.clear();
        VtcWord word = call.command().words().get(Math.min(i, call.command().words().size() - 1));
        Map<String, CommandHandler> commands = new LinkedHashMap<>(specCommands);
        currentSpec = le;
        try {
            call.interpreter().runText(a, word.contentPos(), le.name, commands);
        } finally {
            currentSpec = null;
        }
        return i;
    }

    /** Waits like varnishtest's attach when the instance has no log yet, then fails. */
    private void attach(VtcContext ctx, Instance le) {
        if (ctx.vslLogs().find(le.vname) == null) {
            ctx.scheduler().sleep(ATTACH_TIMEOUT_NANOS);
            if (ctx.vslLogs().find(le.vname) == null) {
                throw ctx.fail(le.name,
                        "VSM_Attach: Could not get hold of varnishd, is it running?");
            }
        }
    }

    private void start(VtcContext ctx, Instance le) {
        VslLog log = ctx.vslLogs().find(le.vname);
        if (log == null) {
            throw ctx.fail(le.name, "VSL_CursorVSM: Could not get hold of varnishd, is it"
                    + " running?");
        }
        Predicate<VslRecord> query = null;
        if (le.query != null) {
            try {
                query = VslQuery.compile(le.query);
            } catch (IllegalArgumentException e) {
                throw ctx.fail(le.name, "VSLQ_New: " + e.getMessage());
            }
        }
        var queue = log.subscribe(le.name, le.dArg != 0);
        List<LogexpectTest> tests = List.copyOf(le.tests);
        le.cancelled = false;
        LogexpectWatcher watcher = new LogexpectWatcher(ctx, le, log, queue, query, tests);
        le.thread = ctx.scheduler().spawn(le.name, le, watcher::watch);
    }

    private static void await(VtcContext ctx, Instance le) {
        ctx.log(2, le.name, "Waiting for logexp");
        ctx.scheduler().join(le.thread);
        le.thread = null;
    }

    /** End of test: stops every running logexpect without judging it. */
    void reset(VtcContext ctx) {
        for (Instance le : instances.values()) {
            if (le.isRunning()) {
                le.cancelled = true;
                await(ctx, le);
            }
        }
        instances.clear();
    }

    /** Makes every running logexpect end at its next step, without waiting for it. */
    void cancelAll() {
        instances.values().forEach(le -> le.cancelled = true);
    }

    private void expect(CommandHandler.Invocation call) {
        List<String> a = call.args();
        if (a.size() < 4 || a.size() > 5) {
            throw call.ctx().fail(call.id(), "Syntax error");
        }
        int skip;
        if (a.get(1).equals("*")) {
            skip = LogexpectTest.ANY;
        } else if (a.get(1).equals("?")) {
            skip = LogexpectTest.ALT;
        } else {
            skip = positive(call, a.get(1));
        }
        common(call, skip);
    }

    private void failEntry(CommandHandler.Invocation call) {
        List<String> a = call.args();
        if (a.size() < 2) {
            throw call.ctx().fail(call.id(), "Syntax error");
        }
        if (a.get(1).equals("clear")) {
            currentSpec.tests.add(LogexpectTest.clear());
            return;
        }
        if (!a.get(1).equals("add")) {
            throw call.ctx().fail(call.id(), "Unknown fail argument '" + a.get(1) + "'");
        }
        if (a.size() < 4) {
            throw call.ctx().fail(call.id(), "Syntax error");
        }
        common(call, LogexpectTest.FAIL);
    }

    /** Parses VXID, TAG and REGEX (words 2 to 4) and adds the entry. */
    private void common(CommandHandler.Invocation call, int skipMax) {
        VtcContext ctx = call.ctx();
        List<String> a = call.args();
        if (a.size() < 4) {
            throw ctx.fail(call.id(), "Syntax error");
        }
        String vxid = a.get(2);
        if (!vxid.equals("*") && !vxid.equals("=")) {
            vxid = Integer.toString(positive(call, vxid));
        }
        String tag = a.get(3);
        if (!tag.equals("*") && !tag.equals("=")) {
            tag = VslTags.lookup(a.get(3));
            if (tag == null) {
                throw ctx.fail(call.id(), "Unknown tag name: '" + a.get(3) + "'");
            }
        }
        Pattern regex = null;
        String text = a.get(0) + " " + a.get(1) + " " + a.get(2) + " " + a.get(3) + " ";
        if (a.size() > 4) {
            try {
                regex = Pattern.compile(a.get(4));
            } catch (PatternSyntaxException e) {
                throw ctx.fail(call.id(), "Regex error (" + e.getDescription() + "): '"
                        + a.get(4) + "' pos " + Math.max(0, e.getIndex()));
            }
            text += quote(a.get(4));
        }
        currentSpec.tests.add(new LogexpectTest(skipMax, vxid, tag, regex, text));
    }

    private static int positive(CommandHandler.Invocation call, String word) {
        if (!word.matches("\\d{1,9}")) {
            throw call.ctx().fail(call.id(), "Not a positive integer: '" + word + "'");
        }
        return Integer.parseInt(word);
    }

    /** Quotes like Varnish's VSB_quote without flags: unchanged unless it has to escape. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '"' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
