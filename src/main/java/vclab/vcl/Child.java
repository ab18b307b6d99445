package vclab.vcl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import vclab.sched.Point;
import vclab.sched.Scheduler;
import vclab.sched.SimCond;
import vclab.sched.SimMutex;
import vclab.sched.SimQueue;
import vclab.sched.SimThread;
import vclab.vrt.Director;
import vclab.vrt.Panic;
import vclab.vrt.PokeOutcome;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;
import vclab.vrt.VrtHost;

/**
 * The simulated cache process: the VCL list, the active VCL, {@code vcl_mtx}, the CLI thread
 * and its poll, event delivery to VMODs and directors, and the part of
 * {@code vcl_set_state} that every release shares. The steps where releases differ are
 * delegated to the {@link VclModel}.
 */
public final class Child implements VrtHost {
    /** A CLI command from the manager and, once answered, its reply. */
    public static final class Request {
        final String line;
        int status;
        String body;
        boolean answered;

        Request(String line) {
            this.line = line;
        }
    }

    final Varnishd varnishd;
    final int pid;
    final Scheduler scheduler;
    final VclModel model;
    public final SimMutex vclMtx;
    final SimMutex cliMtx;
    final SimMutex vbpMtx;
    final SimCond vbpCond;
    final SimQueue<Request> cliQueue;
    final ChildVrt vrt;
    final ChildCli cli;

    /** Every VCL and label in insertion order, including discarded ones not yet freed. */
    public final List<Vcl> vcls = new ArrayList<>();
    /** vcl_mtx. The active VCL or label, or null before the first vcl.use. */
    public Vcl active;
    long directorSerial;
    boolean dead;
    private final java.util.Map<String, Object> vmodState = new java.util.LinkedHashMap<>();
    SimThread cliThread;

    Child(Varnishd varnishd, int pid) {
        this.varnishd = varnishd;
        this.pid = pid;
        this.scheduler = varnishd.scheduler;
        this.model = varnishd.model;
        this.vclMtx = scheduler.newMutex("vcl_mtx");
        this.cliMtx = scheduler.newMutex("cli_mtx");
        this.vbpMtx = scheduler.newMutex("vbp_mtx");
        this.vbpCond = scheduler.newCond("vbp_cond");
        this.cliQueue = scheduler.newQueue("child_cli");
        this.vrt = new ChildVrt(this);
        this.cli = new ChildCli(this);
    }

    /** Starts the CLI thread. */
    void start() {
        cliThread = spawnThread("cli", this::cliLoop);
    }

    SimThread spawnThread(String name, Runnable body) {
        SimThread t = scheduler.spawn(name, this, body);
        t.setUncaughtHandler((thread, e) -> died(e));
        return t;
    }

    public int pid() {
        return pid;
    }

    public VclModel model() {
        return model;
    }

    public ChildVrt vrt() {
        return vrt;
    }

    /** The child's VCL operations, for the worker's CLI handlers. */
    public ChildCli cli() {
        return cli;
    }

    public Varnishd varnishd() {
        return varnishd;
    }

    public boolean isDead() {
        return dead;
    }

    /** Process-wide state of simulated VMODs, such as the debug VMOD's load counter. */
    public java.util.Map<String, Object> vmodState() {
        return vmodState;
    }

    // ---------------------------------------------------------------- CLI thread

    private void cliLoop() {
        while (true) {
            Request r = cliQueue.take();
            cliMtx.lock();
            try {
                point(Points.POLL_BEFORE, null, null);
                poll();
                log("CLI", "Rd " + r.line);
                Reply reply = varnishd.cliSupport().execute(this, r.line);
                log("CLI", "Wr " + reply.status() + " " + reply.body().length() + " "
                        + reply.body());
                r.status = reply.status();
                r.body = reply.body();
                r.answered = true;
            } finally {
                cliMtx.unlock();
            }
        }
    }

    /**
     * Sends a command to the CLI thread and waits at most {@code timeoutNanos} for its reply;
     * called on the manager's thread.
     *
     * @return the request, answered or not
     */
    Request call(String line, long timeoutNanos) {
        Request r = new Request(line);
        cliQueue.put(r);
        scheduler.blockUntil(() -> r.answered || dead, "the child's reply to " + line,
                timeoutNanos);
        return r;
    }

    // ---------------------------------------------------------------- the poll

    /** VCL_Poll: move busy and cooling VCLs on, free discarded cold ones. */
    void poll() {
        checkActiveWarm("VCL_Poll");
        for (Vcl vcl : new ArrayList<>(vcls)) {
            if (vcl.temp == Temperature.BUSY || vcl.temp == Temperature.COOLING) {
                setState(vcl, "0", new StringBuilder());
            }
            if (vcl.discard && vcl.temp == Temperature.COLD) {
                if (vcl.busy != 0) {
                    throw Panic.assertion("VCL_Poll", "cache/cache_vcl.c",
                            model.release().line("VCL_Poll.busy"), "(vcl->busy) == 0");
                }
                invariantIf(vcl == active, "discarding the active VCL " + vcl.name);
                invariantIf(!vcl.refs.isEmpty(), "discarding " + vcl.name
                        + " while references remain");
                vcls.remove(vcl);
                sendEvent(vcl, VclEvent.DISCARD, null);
                model.killBackends(this, vcl);
                varnishd.counters.add("MAIN.n_vcl", -1);
                varnishd.counters.add("MAIN.n_vcl_discard", -1);
                trace("temperature", vcl.name, null, "freed", null);
            }
        }
    }

    // ---------------------------------------------------------------- vcl_set_state

    /**
     * vcl_set_state: the argument is '0' (cold) or '1' (warm), optionally followed by the new
     * state name. Returns 0, or -1 with the failure message in {@code msg}.
     */
    public int setState(Vcl vcl, String arg, StringBuilder msg) {
        int result = 0;
        switch (arg.charAt(0)) {
            case '0' -> {
                if (vcl.temp == Temperature.COLD) {
                    break;
                }
                if (vcl.busy == 0 && vcl.temp.isWarm()) {
                    point(Points.COLD_BEFORE_LOCK, vcl.name, null);
                    model.coolDown(this, vcl);
                } else if (vcl.busy != 0) {
                    storeTemp(vcl, Temperature.BUSY);
                } else if (vcl.refs.isEmpty()) {
                    storeTemp(vcl, Temperature.COLD);
                } else {
                    storeTemp(vcl, Temperature.COOLING);
                }
            }
            case '1' -> {
                if (vcl.temp == Temperature.WARM) {
                    break;
                }
                if (vcl.temp == Temperature.BUSY) {
                    storeTemp(vcl, Temperature.WARM);
                } else if (vcl.temp == Temperature.COOLING) {
                    msg.append(refsMessage(vcl));
                    result = -1;
                } else {
                    result = model.warmUp(this, vcl, msg);
                }
            }
            default -> throw new IllegalArgumentException("vcl_set_state: bad argument " + arg);
        }
        if (result == 0 && arg.length() > 1) {
            vcl.state = arg.substring(1);
        }
        return result;
    }

    /** A temperature store outside the models' transitions, traced like theirs. */
    private void storeTemp(Vcl vcl, Temperature t) {
        checkCliThread("changed the temperature of " + vcl.name);
        if (vcl.temp != t) {
            trace("temperature", vcl.name, null, t.word(), vcl.temp.word() + " ->");
        }
        vcl.temp = t;
    }

    private String refsMessage(Vcl vcl) {
        StringBuilder sb = new StringBuilder("VCL " + vcl.name + " is waiting for:");
        vclMtx.lock();
        try {
            for (VclRef ref : vcl.refs) {
                sb.append("\n\t- ").append(ref.description());
            }
        } finally {
            vclMtx.unlock();
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- events

    /**
     * vcl_send_event: runs the VCL's generated event function on the CLI thread. LOAD and
     * WARM collect failure messages in {@code msg}; COLD and DISCARD cannot fail.
     *
     * @return 0 or non-zero on failure
     */
    public int sendEvent(Vcl vcl, VclEvent ev, StringBuilder msg) {
        checkActiveWarm("vcl_send_event");
        String method = ev == VclEvent.LOAD ? "vcl_init" : ev == VclEvent.DISCARD ? "vcl_fini"
                : null;
        boolean hasMsg = ev == VclEvent.LOAD || ev == VclEvent.WARM;
        VrtCtx ctx = new VrtCtx(vcl, vcl.name, method, hasMsg ? new StringBuilder() : null, true);
        point(Points.SEND_EVENT_BEFORE, vcl.name, ev.name());
        int r = vcl.program.event(ctx, ev, vrt);
        if (ctx.failed && ev == VclEvent.DISCARD) {
            log("VCL_Error", "VRT_fail() from vcl_fini{} has no effect");
        } else if (ctx.failed) {
            r |= 1;
        }
        point(Points.SEND_EVENT_AFTER, vcl.name, ev.name());
        if (r != 0 && (ev == VclEvent.COLD || ev == VclEvent.DISCARD)) {
            int line = model.release().line("vcl_send_event.cold_failed");
            throw Panic.wrong("cache/cache_vcl.c", line, "A VMOD cannot fail COLD or DISCARD events");
        }
        if (msg != null && ctx.msg != null) {
            msg.append(ctx.msg);
        }
        return r;
    }

    /** Runs vcl_init or vcl_fini, with the same injection point as VMOD handlers. */
    public void vmodEventless(String sub, VrtCtx ctx, Runnable body) {
        Vcl vcl = (Vcl) ctx.vcl;
        trace("vcl", vcl.name, sub, null, null);
        point(Points.SEND_EVENT_INSIDE, vcl.name, sub);
        body.run();
    }

    /**
     * Runs one VMOD event handler for a VCL's event function, with its trace entry and
     * injection point, and checks that each VMOD gets WARM and COLD alternately, COLD only
     * after a WARM that succeeded, and no DISCARD while warm. Returns the handler's result.
     */
    public int vmodEvent(Vcl vcl, String vmod, VclEvent ev, IntSupplier handler) {
        trace("vmod", vcl.name, vmod, ev.name(), null);
        boolean warm = vcl.warmVmods.contains(vmod);
        switch (ev) {
            case WARM -> invariantIf(warm, "VMOD " + vmod + " of " + vcl.name
                    + " got WARM twice");
            case COLD -> invariantIf(!warm, "VMOD " + vmod + " of " + vcl.name
                    + " got COLD without a successful WARM");
            case DISCARD -> invariantIf(warm, "VMOD " + vmod + " of " + vcl.name
                    + " got DISCARD while warm");
            default -> {
            }
        }
        point(Points.SEND_EVENT_INSIDE, vcl.name, ev.name());
        int r = handler.getAsInt();
        if (ev == VclEvent.WARM && r == 0) {
            vcl.warmVmods.add(vmod);
        } else if (ev == VclEvent.COLD) {
            vcl.warmVmods.remove(vmod);
        }
        return r;
    }

    /**
     * VDI_Event: delivers a VCL event to one director, checking that directors get WARM and
     * COLD alternately, starting with WARM, and WARM only while their VCL is warm.
     */
    public void deliver(Director d, VclEvent e) {
        Vcl vcl = (Vcl) d.vcl();
        if (d.freed) {
            invariant("event " + e.name() + " delivered to freed director " + d.cliName());
        }
        switch (e) {
            case WARM -> {
                invariantIf(d.warm, "director " + d.cliName() + " got WARM twice");
                invariantIf(!vcl.temp.isWarm(), "director " + d.cliName()
                        + " got WARM while its VCL is " + vcl.temp.word());
                d.warm = true;
            }
            case COLD -> {
                invariantIf(!d.warm, "director " + d.cliName()
                        + " got COLD without a WARM before it");
                d.warm = false;
            }
            case DISCARD -> invariantIf(d.warm, "director " + d.cliName()
                    + " got DISCARD while warm");
            default -> {
            }
        }
        trace("director", vcl.name, d.name(), e.name(), d.methods().type());
        if (d.methods().hasEvent()) {
            d.methods().event(d, e);
        }
    }

    // ---------------------------------------------------------------- checks and records

    private void checkActiveWarm(String function) {
        if (active != null && !active.temp.isWarm()) {
            invariant("the active VCL " + active.name + " is " + active.temp.word());
        }
    }

    /** Records a violated invariant; the run goes on as the real child would. */
    public void invariant(String what) {
        varnishd.invariantViolated(what);
    }

    public void invariantIf(boolean violated, String what) {
        if (violated) {
            invariant(what);
        }
    }

    public void trace(String kind, String vcl, String target, String event, String detail) {
        Trace t = varnishd.trace;
        if (t.isEnabled()) {
            SimThread th = scheduler.currentThread();
            t.add(new Trace.Event(scheduler.now() / 1e9, th == null ? "-" : th.name(), kind, vcl,
                    target, event, detail));
        }
    }

    /** Finds a VCL or label that is not discarded. */
    public Vcl find(String name) {
        for (Vcl v : vcls) {
            if (!v.discard && v.name.equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** Records a violation when the running thread is not the CLI thread. */
    public void checkCliThread(String what) {
        SimThread t = scheduler.currentThread();
        if (t != null && cliThread != null && t != cliThread) {
            invariant("thread " + t.name() + " " + what + "; only the CLI thread may");
        }
    }

    // ---------------------------------------------------------------- task references

    /** VCL_Update for a new task: the active VCL, through its label, gets a busy reference. */
    public Vcl vclGetActive() {
        return vclUpdate(null, null);
    }

    /**
     * VCL_Update: drops {@code old}'s busy reference if there is one, then takes one on
     * {@code target} (the active VCL when null), following a label to its VCL.
     */
    public Vcl vclUpdate(Vcl old, Vcl target) {
        Vcl vcl;
        vclMtx.lock();
        try {
            if (old != null) {
                if (old.busy <= 0) {
                    throw Panic.assertion("VCL_Update", "cache/cache_vcl.c",
                            model.release().line("VCL_Update.old_busy"), "old->busy > 0");
                }
                old.busy--;
            }
            Vcl v = target == null ? active : target;
            vcl = v.label != null ? v.label : v;
            if (vcl.discard) {
                throw Panic.assertion("VCL_Update", "cache/cache_vcl.c",
                        model.release().line("VCL_Update.discard"), "((*vcc)->discard) == 0");
            }
            vcl.busy++;
        } finally {
            vclMtx.unlock();
        }
        if (!vcl.temp.isWarm()) {
            throw Panic.assertion("VCL_Update", "cache/cache_vcl.c",
                    model.release().line("VCL_Update.warm"), "(*vcc)->temp->is_warm");
        }
        return vcl;
    }

    /** VCL_Ref: one more busy reference on a VCL a task already holds. */
    public void vclRef(Vcl vcl) {
        if (vcl.temp.isCold()) {
            throw Panic.assertion("VCL_Ref", "cache/cache_vrt_vcl.c",
                    model.release().line("VCL_Ref.cold"), "!vcl->temp->is_cold");
        }
        vclMtx.lock();
        try {
            if (vcl.busy <= 0) {
                throw Panic.assertion("VCL_Ref", "cache/cache_vrt_vcl.c",
                        model.release().line("VCL_Ref.busy"), "vcl->busy > 0");
            }
            vcl.busy++;
        } finally {
            vclMtx.unlock();
        }
    }

    /** VCL_Rel: a task drops its busy reference; the next poll may cool the VCL. */
    public void vclRel(Vcl vcl) {
        vclMtx.lock();
        try {
            if (vcl.busy <= 0) {
                throw Panic.assertion("VCL_Rel", "cache/cache_vrt_vcl.c",
                        model.release().line("VCL_Rel.busy"), "vcl->busy > 0");
            }
            vcl.busy--;
        } finally {
            vclMtx.unlock();
        }
        point(Points.VCL_REL, vcl.name, null);
    }

    long nextDirectorSerial() {
        return ++directorSerial;
    }

    // ---------------------------------------------------------------- death

    /** A child thread threw: a panic kills the child, anything else is a vclab bug. */
    private void died(Throwable e) {
        if (dead) {
            return;
        }
        String text = e instanceof Panic p ? p.text()
                : "vclab internal error in the child: " + e;
        varnishd.childDied(this, text, e instanceof Panic ? 6 : 6, e instanceof Panic ? null : e);
    }

    /** Marks the child dead and kills its threads; they unwind before anything else runs. */
    void kill() {
        dead = true;
        scheduler.killGroup(this);
    }

    // ---------------------------------------------------------------- VrtHost

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public ReleaseFacts release() {
        return model.release();
    }

    @Override
    public SimMutex vbpMutex() {
        return vbpMtx;
    }

    @Override
    public SimCond vbpCond() {
        return vbpCond;
    }

    @Override
    public PokeOutcome.Oracle pokeOracle() {
        return varnishd.pokeOracle;
    }

    @Override
    public void log(String tag, String payload) {
        varnishd.vsl.write(0, tag, '-', payload);
    }

    @Override
    public void countMain(String name, long delta) {
        varnishd.counters.add("MAIN." + name, delta);
    }

    @Override
    public double epochSeconds() {
        return scheduler.epochSeconds();
    }

    @Override
    public SimThread spawn(String name, Runnable body) {
        return spawnThread(name, body);
    }

    @Override
    public void point(Point p, String vcl, String detail) {
        scheduler.point(p, vcl, detail);
    }
}
