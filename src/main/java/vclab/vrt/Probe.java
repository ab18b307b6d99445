package vclab.vrt;

import java.util.Locale;
import vclab.sched.Point;

/**
 * A backend's probe target (varnishd's {@code struct vbp_target}) with its poke loop, which
 * runs as a thread of the child. Two behaviours exist: before 7.6 an enabled probe simply sits
 * in the scheduler heap and a poke may be running on the side; from 7.6 the target has the
 * states cold, scheduled, running, cooling and deleted. Enabling or disabling in the wrong
 * state panics with the release's text.
 */
public final class Probe {
    /** The states of the 7.6 state machine, named as varnishd prints them in panics. */
    public enum State { COLD, SCHEDULED, RUNNING, COOLING, DELETED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Listed with the other points in {@code vclab.vcl.Points}. */
    public static final Point POKE_START = new Point("VBP_poke.start",
            "a probe's poke begins (the target is running)");
    public static final Point CONTROL_STATE = new Point("VBP_Control.state",
            "the probe state that an enable or disable meets");

    private final VrtHost host;
    private final Backend backend;
    final ProbeSpec spec;

    // Protected by vbp_mtx.
    State state = State.COLD;
    boolean inHeap;
    int running;
    long due;
    boolean threadStarted;

    // Poll results, written by the poke loop (the task) and by resets.
    long goodIpv4;
    long goodIpv6;
    long goodUnix;
    long errXmit;
    long goodXmit;
    long errRecv;
    long goodRecv;
    long happy;
    int good;
    double last;
    double avg;
    double rate;
    String response = "";

    Probe(VrtHost host, Backend backend, ProbeSpec spec) {
        this.host = host;
        this.backend = backend;
        this.spec = spec;
        reset();
    }

    public ProbeSpec spec() {
        return spec;
    }

    public State state() {
        return state;
    }

    public int good() {
        return good;
    }

    public long happy() {
        return happy;
    }

    /** vbp_reset: forget the history and assume {@code initial} good polls. */
    void reset() {
        avg = 0;
        rate = 0;
        goodIpv4 = goodIpv6 = goodUnix = errXmit = goodXmit = errRecv = goodRecv = happy = 0;
        for (int i = 0; i < spec.initial(); i++) {
            startPoke();
            happy |= 1;
            hasPoked();
        }
    }

    private void startPoke() {
        goodIpv4 <<= 1;
        goodIpv6 <<= 1;
        goodUnix <<= 1;
        errXmit <<= 1;
        goodXmit <<= 1;
        errRecv <<= 1;
        goodRecv <<= 1;
        happy <<= 1;
        last = 0;
        response = "";
    }

    private void hasPoked() {
        if ((happy & 1) != 0) {
            if (rate < 4.0) {
                rate += 1.0;
            }
            avg += (last - avg) / rate;
        }
        long u = happy;
        int j = 0;
        for (int i = 0; i < spec.window(); i++) {
            if ((u & 1) != 0) {
                j++;
            }
            u >>>= 1;
        }
        good = j;
    }

    /** The flag characters of the latest poll, as Backend_health prints them. */
    String bits() {
        char[] c = new char[8];
        c[0] = (goodIpv4 & 1) != 0 ? '4' : '-';
        c[1] = (goodIpv6 & 1) != 0 ? '6' : '-';
        c[2] = (goodUnix & 1) != 0 ? 'U' : '-';
        c[3] = (errXmit & 1) != 0 ? 'x' : '-';
        c[4] = (goodXmit & 1) != 0 ? 'X' : '-';
        c[5] = (errRecv & 1) != 0 ? 'r' : '-';
        c[6] = (goodRecv & 1) != 0 ? 'R' : '-';
        c[7] = (happy & 1) != 0 ? 'H' : '-';
        return new String(c);
    }

    /**
     * VBP_Control: reset the history, publish the health, then enable or disable under
     * vbp_mtx. Panics, as the release does, when the probe is in the wrong state.
     */
    public void control(boolean enable) {
        ReleaseFacts r = host.release();
        reset();
        backend.updateHealth(this);
        host.vbpMutex().lock();
        try {
            host.point(CONTROL_STATE, backend.vclName(), (enable ? "enable " : "disable ")
                    + (r.probeStates() ? state.word() : inHeap ? "in-heap" : "not-in-heap"));
            if (r.probeStates()) {
                controlStates(enable, r);
            } else {
                controlHeap(enable, r);
            }
            host.scheduler().signalInternal(host.vbpCond(), true);
        } finally {
            host.vbpMutex().unlock();
        }
        startThreadIfNeeded();
        if (enable) {
            // vbp_thread hands a due probe to a worker at once, and on a real host the worker
            // starts its poke while the caller goes on: let it run before the caller continues.
            host.scheduler().yieldNow();
        }
    }

    private void controlStates(boolean enable, ReleaseFacts r) {
        if (enable) {
            if (state == State.COOLING) {
                state = State.RUNNING;
            } else if (state == State.COLD) {
                due = host.scheduler().now();
                state = State.SCHEDULED;
            } else {
                throw Panic.wrong("cache/cache_backend_probe.c", r.vbpEnableLine(), state.word());
            }
        } else {
            if (state == State.RUNNING) {
                state = State.COOLING;
            } else if (state == State.SCHEDULED) {
                state = State.COLD;
            } else {
                throw Panic.wrong("cache/cache_backend_probe.c", r.vbpDisableLine(),
                        state.word());
            }
        }
    }

    private void controlHeap(boolean enable, ReleaseFacts r) {
        if (enable) {
            if (inHeap) {
                throw Panic.assertion("VBP_Control", "cache/cache_backend_probe.c",
                        r.vbpEnableLine(), "vt->heap_idx == VBH_NOIDX");
            }
            due = host.scheduler().now();
            inHeap = true;
        } else {
            if (!inHeap) {
                throw Panic.assertion("VBP_Control", "cache/cache_backend_probe.c",
                        r.vbpDisableLine(), "vt->heap_idx != VBH_NOIDX");
            }
            inHeap = false;
        }
    }

    /**
     * VBP_Remove: the backend goes away. Returns normally when the probe can be freed now or
     * will be by its running poke; panics where the release asserts.
     */
    void remove() {
        ReleaseFacts r = host.release();
        host.vbpMutex().lock();
        try {
            backend.sick = true;
            if (r.probeStates()) {
                if (state == State.COOLING) {
                    state = State.DELETED;
                } else if (state != State.COLD) {
                    throw Panic.assertion("VBP_Remove", "cache/cache_backend_probe.c",
                            r.vbpRemoveLine(), "vt->state == vbp_state_cold");
                } else {
                    state = State.DELETED;
                }
            } else {
                if (running != 0) {
                    running = -1;
                    inHeap = false;
                } else if (inHeap) {
                    if (r.vbpRemoveLine() > 0) {
                        throw Panic.assertion("VBP_Remove", "cache/cache_backend_probe.c",
                                r.vbpRemoveLine(), "vt->heap_idx == VBH_NOIDX");
                    }
                    inHeap = false;
                    state = State.DELETED;
                } else {
                    state = State.DELETED;
                }
            }
            host.scheduler().signalInternal(host.vbpCond(), true);
        } finally {
            host.vbpMutex().unlock();
        }
    }

    private boolean isDue() {
        if (host.release().probeStates()) {
            return state == State.SCHEDULED && due <= host.scheduler().now();
        }
        return inHeap && due <= host.scheduler().now();
    }

    private boolean isGone() {
        return state == State.DELETED && running == 0;
    }

    private void startThreadIfNeeded() {
        if (threadStarted) {
            return;
        }
        threadStarted = true;
        host.spawn("vbp " + backend.cliName(), this::pokeLoop);
    }

    /** The probe's thread: the part of vbp_thread for this target, plus its poke task. */
    private void pokeLoop() {
        ReleaseFacts r = host.release();
        while (true) {
            host.vbpMutex().lock();
            while (!isDue()) {
                if (isGone()) {
                    host.vbpMutex().unlock();
                    return;
                }
                long wait = (r.probeStates() ? state == State.SCHEDULED : inHeap)
                        ? Math.max(0, due - host.scheduler().now()) : -1;
                if (wait < 0) {
                    host.vbpCond().await(host.vbpMutex());
                } else {
                    host.vbpCond().await(host.vbpMutex(), wait);
                }
            }
            boolean runTask;
            if (r.probeStates()) {
                state = State.RUNNING;
                runTask = true;
            } else {
                due = host.scheduler().now() + spec.intervalNanos();
                runTask = running == 0;
                if (runTask) {
                    running = 1;
                }
            }
            host.vbpMutex().unlock();
            if (runTask && !task()) {
                return;
            }
        }
    }

    /** One poke; returns false when the target was deleted meanwhile and the loop ends. */
    private boolean task() {
        ReleaseFacts r = host.release();
        host.point(POKE_START, backend.vclName(), backend.name());
        startPoke();
        PokeOutcome o = host.pokeOracle().poke(backend.host(), backend.port(), backend.path());
        long duration = o.kind() == PokeOutcome.Kind.NO_RESPONSE
                || o.kind() == PokeOutcome.Kind.CONNECT_TIMEOUT ? spec.timeoutNanos()
                : Math.min(o.durationNanos(), spec.timeoutNanos());
        if (duration > 0) {
            host.scheduler().sleep(duration);
        }
        record(o, duration);
        hasPoked();
        backend.updateHealth(this);
        host.vbpMutex().lock();
        try {
            if (r.probeStates()) {
                switch (state) {
                    case RUNNING -> {
                        state = State.SCHEDULED;
                        due = host.scheduler().now() + spec.intervalNanos();
                    }
                    case COOLING -> state = State.COLD;
                    case DELETED -> {
                        return false;
                    }
                    default -> throw new IllegalStateException("probe task completed in state "
                            + state.word());
                }
            } else {
                if (running < 0) {
                    if (inHeap) {
                        throw Panic.assertion("vbp_task", "cache/cache_backend_probe.c",
                                r.vbpTaskLine(), "vt->heap_idx == VBH_NOIDX");
                    }
                    running = 0;
                    state = State.DELETED;
                    return false;
                }
                running = 0;
                if (inHeap) {
                    due = host.scheduler().now() + spec.intervalNanos();
                }
            }
            return true;
        } finally {
            host.vbpMutex().unlock();
        }
    }

    private void record(PokeOutcome o, long duration) {
        double seconds = duration / 1e9;
        switch (o.kind()) {
            case REFUSED -> response = "Open error 111 (Connection refused)";
            case CONNECT_TIMEOUT -> response = "Open error 110 (Connection timed out)";
            case EMPTY -> {
                goodIpv4 |= 1;
                goodXmit |= 1;
                response = "Empty response";
            }
            case NO_RESPONSE -> {
                goodIpv4 |= 1;
                goodXmit |= 1;
                errRecv |= 1;
                response = String.format(Locale.ROOT, "Poll timeout %.3fs exceeded by %.3fs",
                        spec.timeoutNanos() / 1e9, 0.0);
            }
            case ANSWER -> {
                goodIpv4 |= 1;
                goodXmit |= 1;
                goodRecv |= 1;
                last = seconds;
                response = o.statusLine();
                String[] words = o.statusLine().split(" ");
                if (words.length > 1 && words[1].equals(String.valueOf(spec.expectedStatus()))) {
                    happy |= 1;
                }
            }
        }
    }

    /** VBP_Status with details: the lines of {@code backend.list -p}, or its JSON object. */
    void details(TextSink out, boolean json) {
        if (json) {
            out.print("{\n");
            out.indent(2);
            jsonBits(out, '4', goodIpv4);
            jsonBits(out, '6', goodIpv6);
            jsonBits(out, 'U', goodUnix);
            jsonBits(out, 'x', errXmit);
            jsonBits(out, 'X', goodXmit);
            jsonBits(out, 'r', errRecv);
            jsonBits(out, 'R', goodRecv);
            jsonBits(out, 'H', happy);
            out.print("\"good\": " + good + ",\n");
            out.print("\"threshold\": " + spec.threshold() + ",\n");
            out.print("\"window\": " + spec.window());
            out.indent(-2);
            out.print("\n");
            out.print("},\n");
            return;
        }
        out.print(String.format(Locale.ROOT,
                "\n Current states  good: %2d threshold: %2d window: %2d\n", good,
                spec.threshold(), spec.window()));
        out.print(String.format(Locale.ROOT,
                "  Average response time of good probes: %.6f\n", avg));
        out.print("  Oldest ================================================== Newest\n");
        bitmap(out, '4', goodIpv4, "Good IPv4", false);
        bitmap(out, '6', goodIpv6, "Good IPv6", false);
        bitmap(out, 'U', goodUnix, "Good UNIX", false);
        bitmap(out, 'x', errXmit, "Error Xmit", false);
        bitmap(out, 'X', goodXmit, "Good Xmit", false);
        bitmap(out, 'r', errRecv, "Error Recv", false);
        bitmap(out, 'R', goodRecv, "Good Recv", false);
        bitmap(out, 'H', happy, "Happy", true);
    }

    private static void jsonBits(TextSink out, char c, long bits) {
        out.print("\"bits_" + c + "\": " + Long.toUnsignedString(bits) + ",\n");
    }

    private static void bitmap(TextSink out, char c, long map, String label, boolean always) {
        if (map == 0 && !always) {
            return;
        }
        StringBuilder sb = new StringBuilder("  ");
        for (int i = 63; i >= 0; i--) {
            sb.append(((map >>> i) & 1) != 0 ? c : '-');
        }
        out.print(sb.append(' ').append(label).append('\n').toString());
    }
}
