package vclab.vcl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import vclab.cli.Dialect;
import vclab.sched.Scheduler;
import vclab.sched.SchedulerSignal;
import vclab.sched.SimQueue;

/**
 * The simulated management process: one event loop that runs CLI commands, the cooldown
 * poker and the child ping one at a time; it starts, stops and reaps the child and keeps the
 * last panic.
 */
public final class Manager {
    private static final System.Logger LOG = System.getLogger(Manager.class.getName());

    /** Something for the manager's event loop: a CLI request or a child's death. */
    public abstract static class Event {
        volatile boolean done;
    }

    /** A CLI command for the manager; {@link #reply} is set when it is done. */
    public static final class Command extends Event {
        final Runnable action;
        Reply reply;
        final java.util.concurrent.CompletableFuture<Reply> future;

        Command(Runnable action, java.util.concurrent.CompletableFuture<Reply> future) {
            this.action = action;
            this.future = future;
        }
    }

    static final class ChildDeath extends Event {
        final Child child;
        final String panic;
        final int signal;

        ChildDeath(Child child, String panic, int signal) {
            this.child = child;
            this.panic = panic;
            this.signal = signal;
        }
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
            "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    final Varnishd vd;
    final Scheduler scheduler;
    final MgtVclCommands vcls;
    final SimQueue<Event> queue;
    Child child;
    String childState = "stopped";
    private int childPid;
    private String panic;
    private int exitStatus;
    private long nextPoke;
    private long nextPing = Long.MAX_VALUE;

    Manager(Varnishd vd) {
        this.vd = vd;
        this.scheduler = vd.scheduler;
        this.vcls = new MgtVclCommands(this);
        this.queue = scheduler.newQueue("mgt_cli");
        this.childPid = vd.masterPid();
    }

    // ---------------------------------------------------------------- accessors

    long now() {
        return scheduler.now();
    }

    double epochSeconds() {
        return scheduler.epochSeconds();
    }

    Params params() {
        return vd.params();
    }

    VclCompiler compiler() {
        return vd.compiler();
    }

    Dialect dialect() {
        return vd.dialect();
    }

    public boolean childRunning() {
        return child != null && !child.dead;
    }

    public String childState() {
        return childState;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public String panic() {
        return panic;
    }

    public MgtVclCommands vcls() {
        return vcls;
    }

    public Child child() {
        return child;
    }

    /** MGT_Complain: a line on varnishd's standard error, "Error: ..." and the like. */
    void complain(String level, String text) {
        vd.stderr(level + ": " + text);
    }

    // ---------------------------------------------------------------- the event loop

    /**
     * Runs one command. A defect of vclab's own in it (an exception or a stack overflow) must
     * not stop the manager, because every later client would then wait for ever. The command
     * gets a 400 reply naming the error, which also goes to standard error and the log.
     */
    private void runCommand(Command c) {
        try {
            c.action.run();
        } catch (RuntimeException | StackOverflowError e) {
            if (e instanceof SchedulerSignal) {
                throw e;
            }
            LOG.log(System.Logger.Level.ERROR, "vclab internal error in a manager command", e);
            complain("Error", "vclab internal error: " + e);
            c.reply = new Reply(400, "vclab internal error: " + e);
        }
    }

    /** The manager thread's body. */
    void run() {
        nextPoke = now() + 3_000_000_000L;
        while (true) {
            long deadline = Math.min(nextPoke, childRunning() ? nextPing : Long.MAX_VALUE);
            Event e = queue.poll(Math.max(0, deadline - now()));
            if (e instanceof Command c) {
                scheduler.point(Points.MGT_BETWEEN_COMMANDS, null, null);
                runCommand(c);
                c.done = true;
                if (c.future != null) {
                    c.future.complete(c.reply);
                }
                // The reply is written before the loop looks at anything else, such as a
                // child that died meanwhile: the client sees it first.
                scheduler.yieldNow();
                continue;
            }
            if (e instanceof ChildDeath d) {
                reap(d);
                continue;
            }
            if (now() >= nextPoke) {
                long cooldown = params().durationNanos("vcl_cooldown");
                vcls.poke(cooldown);
                nextPoke = now() + Math.max(1, (long) (cooldown * 0.45));
            }
            if (childRunning() && now() >= nextPing) {
                ping();
            }
        }
    }

    private void ping() {
        nextPing = now() + pingInterval();
        Reply r = childCommand("ping");
        if (childRunning() && (r.status() != 200 || !r.body().startsWith("PONG "))) {
            complain("Error", "Unexpected reply from ping: " + r.status() + " " + r.body());
            failChild();
        }
    }

    /** ping_interval is a whole number of seconds. */
    private long pingInterval() {
        return Math.max(1, params().uint("ping_interval")) * 1_000_000_000L;
    }

    // ---------------------------------------------------------------- talking to the child

    /** Forwards a command line the manager does not handle itself to the child. */
    public Reply childCommandLine(String line) {
        return childCommand(line);
    }

    /**
     * mgt_cli_askchild: send a command to the child and wait at most cli_timeout. A child
     * that dies or does not answer in time is killed and the caller gets 400.
     */
    Reply childCommand(String line) {
        if (!childRunning()) {
            return new Reply(400, "CLI communication error");
        }
        scheduler.point(Points.MGT_ASKCHILD, null, line);
        Child c = child;
        Child.Request r = c.call(line, params().durationNanos("cli_timeout"));
        if (r.answered) {
            return new Reply(r.status, r.body);
        }
        failChild();
        return new Reply(400, "CLI communication error (hdr)");
    }

    /** MCH_Cli_Fail: the child stopped answering; kill it. */
    private void failChild() {
        Child c = child;
        if (c == null) {
            return;
        }
        complain("Error", "Child (" + c.pid + ") not responding to CLI, killed it.");
        if (!c.dead) {
            int line = c.model.release().bigQuitLine();
            if (line > 0) {
                vd.childDied(c, "Wrong turn at cache/cache_main.c:" + line
                        + ":\nIt's time for the big quit", 6, null);
            } else {
                vd.childDied(c, null, 3, null);
            }
        }
    }

    /**
     * The manager's copy of a panic text, as VSB_quote with VSB_QUOTE_NONL makes it: quotes
     * and backslashes escaped, control characters other than newline written as escapes,
     * and a newline at the end.
     */
    static String quoteNonl(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        boolean endsWithNewline = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            endsWithNewline = false;
            switch (c) {
                case '"', '\\' -> sb.append('\\').append(c);
                case '\n' -> {
                    sb.append(c);
                    endsWithNewline = true;
                }
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u000b' -> sb.append("\\v");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        sb.append(c);
                    } else {
                        sb.append(String.format(java.util.Locale.ROOT, "\\%03o", c & 0xff));
                    }
                }
            }
        }
        if (!endsWithNewline) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** mgt_reap_child: log the death, keep the panic, restart or stop. */
    private void reap(ChildDeath d) {
        if (d.child != child) {
            return;
        }
        complain("Error", "Child (" + d.child.pid + ") died signal=" + d.signal);
        exitStatus |= 0x40;
        vd.counters.add("MGT.child_died", 1);
        if (d.panic != null) {
            panic = "Panic at: " + HTTP_DATE.format(Instant.ofEpochMilli(scheduler.epochMillis()))
                    + "\n" + quoteNonl(d.panic);
            vd.counters.add("MGT.child_panic", 1);
            complain("Error", "Child (" + d.child.pid + ") " + panic);
        }
        complain("Debug", "Child cleanup complete");
        child = null;
        childState = "stopped";
        if (params().bool("auto_restart")) {
            launch();
        }
    }

    // ---------------------------------------------------------------- start and stop

    public Reply start() {
        if (!"stopped".equals(childState)) {
            return new Reply(300, "Child in state " + childState);
        }
        if (vcls.vclCount() == 0) {
            return new Reply(300, "No VCL loaded");
        }
        if (vcls.active == null) {
            return new Reply(300, "No active VCL");
        }
        return launch();
    }

    private Reply launch() {
        childPid++;
        Child c = new Child(vd, childPid);
        child = c;
        childState = "starting";
        c.start();
        complain("Debug", "Child (" + c.pid + ") Started");
        vd.counters.add("MGT.child_start", 1);
        for (MgtVcl v : vcls.pushOrder()) {
            Reply r = v.isLabel()
                    ? childCommand("vcl.label " + v.name + " " + v.dependencies.get(0).name)
                    : childCommand("vcl.load \"" + v.name + "\" " + v.library + " "
                            + (v.warm ? "1" : "0") + v.state);
            if (r.status() != 200) {
                String text = "Child (" + c.pid + ") Pushing vcls failed:\n" + r.body();
                complain("Error", text);
                stopChild(c);
                // Up to 7.3 the message goes to the log only; from 7.4 also to the reply.
                boolean logOnly = dialect() == Dialect.V7_1;
                return new Reply(r.status(), logOnly ? "" : text);
            }
        }
        if (vcls.active != null) {
            Reply r = childCommand("vcl.use \"" + vcls.active.name + "\"");
            if (r.status() != 200) {
                stopChild(c);
                return r;
            }
        }
        childCommand("start");
        if (!childRunning()) {
            return new Reply(300, "Child (" + c.pid + ") died during start");
        }
        childState = "running";
        vd.stderr("Child launched OK");
        complain("Info", "Child (" + c.pid + ") said Child starts");
        nextPing = now() + pingInterval();
        return Reply.ok();
    }

    public Reply stop() {
        if (!"running".equals(childState)) {
            return new Reply(300, "Child in state " + childState);
        }
        childState = "stopping";
        complain("Debug", "Stopping Child");
        stopChild(child);
        return Reply.ok();
    }

    private void stopChild(Child c) {
        c.kill();
        complain("Info", "Child (" + c.pid + ") ended");
        complain("Debug", "Child cleanup complete");
        vd.counters.add("MGT.child_stop", 1);
        child = null;
        childState = "stopped";
    }

    // ---------------------------------------------------------------- other commands

    public Reply status() {
        return Reply.ok("Child in state " + childState);
    }

    public Reply pid() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Master: %10d\n",
                vd.masterPid()));
        if (childRunning()) {
            sb.append(String.format(Locale.ROOT, "Worker: %10d\n", child.pid));
        }
        return Reply.ok(sb.toString());
    }

    public Reply panicShow() {
        if (panic == null) {
            return new Reply(300, "Child has not panicked or panic has been cleared");
        }
        return Reply.ok(panic + "\n");
    }

    public Reply panicClear(List<String> args) {
        if (!args.isEmpty() && !args.get(0).equals("-z")) {
            return new Reply(106, "Unknown parameter \"" + args.get(0) + "\".");
        }
        if (!args.isEmpty()) {
            vd.counters.set("MGT.child_panic", 0);
            if (panic == null) {
                return Reply.ok();
            }
        }
        if (panic == null) {
            return new Reply(300, "No panic to clear");
        }
        panic = null;
        return Reply.ok();
    }

    /** Queues a child death for the event loop; called with the baton held. */
    void childDied(Child c, String panicText, int signal) {
        scheduler.putInternal(queue, new ChildDeath(c, panicText, signal));
    }
}
