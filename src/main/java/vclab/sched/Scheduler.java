package vclab.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Runs simulated threads one at a time and owns their mutexes, condition variables, queues,
 * sleeps and the virtual clock, so that a run is decided by the scheduler alone and can be
 * replayed exactly.
 *
 * <p>Before each step a thread announces it ({@link OpKind} and object) and the scheduler
 * chooses who performs the next step. The default policy keeps the current thread running
 * while it is enabled; when it blocks, the enabled thread that became ready earliest in
 * virtual time runs, ties broken by creation order. When no thread is enabled the clock jumps
 * to the earliest deadline; with none left, the run is a deadlock.
 *
 * <p>All fields are touched only by the thread holding the baton, except the external inbox.
 */
public final class Scheduler {
    /** Settings of one run. */
    public static final class Options {
        /** Map virtual time onto the wall clock instead of jumping over idle periods. */
        public boolean realtime;
        /** Policy consulted at each step with several enabled threads; null for the default. */
        public Policy policy;
        /** Steps one thread may take at one virtual instant before it counts as livelocked. */
        public long spinLimit = 2_000_000;
        /** Virtual time limit in nanoseconds, or -1 for none. */
        public long virtualLimitNanos = -1;
        /** Wall-clock limit in milliseconds, or -1 for none. */
        public long wallLimitMillis = -1;
        /** Wall-clock time, in milliseconds since the epoch, that virtual time 0 stands for. */
        public long epochMillis = System.currentTimeMillis();
        /** Injection rules applied at named points, or null for none. */
        public Injections injections;
        /**
         * Listeners added to the scheduler at construction, for callers that do not build the
         * scheduler themselves (an explorer driving a scenario). Shared, not copied, by every
         * scheduler built from these options.
         */
        public List<StepListener> listeners = new ArrayList<>();
        /**
         * End the run with {@link SimResult.Outcome#LIVELOCK} at the first livelock, instead
         * of parking the spinning thread and letting the rest of the simulation go on.
         */
        public boolean endOnLivelock;
        /**
         * Steps all threads together may take at one virtual instant before the run ends
         * with {@link SimResult.Outcome#LIVELOCK}, or -1 for no limit. It catches threads
         * that keep waking each other (a script that sends CLI commands in an endless loop),
         * which {@link #spinLimit} misses because each thread blocks between its steps.
         */
        public long instantStepLimit = -1;
    }

    private static final SimThreadKilled KILLED = new SimThreadKilled();

    private final boolean realtime;
    private final Policy policy;
    private final long spinLimit;
    private final long virtualLimit;
    private final long wallLimitMillis;
    private final long epochMillis;
    private final Injections injections;
    private final boolean endOnLivelock;
    private final long instantStepLimit;

    private final ArrayList<SimThread> threads = new ArrayList<>();
    private SimThread[] enabled = new SimThread[8];
    private final List<StepListener> listeners = new ArrayList<>();
    private final Map<String, Integer> pointHits = new HashMap<>();
    private final List<String> livelockReport = new ArrayList<>();

    SimThread running;
    private SimThread main;
    private int alive;
    private int killPending;
    private long now;
    private long steps;
    private long spinInstant = -1;
    private SimThread spinThread;
    private long stepsInstant = -1;
    private long stepsAtInstant;
    private int lastChoices;
    private int nextObjectId;
    private long readyCounter;

    // External events: the only state shared with real threads.
    private final Object inboxLock = new Object();
    private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    private volatile boolean inboxPending;
    private int externalWaits;
    private int externalSources;
    /** Requests from outside that the simulation is working on; touched with the baton. */
    private int openRequests;
    private long wallStart;

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile SimResult result;
    private SimResult.Outcome endOutcome;
    private List<String> endReport = List.of();
    private Throwable endError;

    public Scheduler(Options options) {
        this.realtime = options.realtime;
        this.policy = options.policy;
        this.spinLimit = options.spinLimit;
        this.virtualLimit = options.virtualLimitNanos;
        this.wallLimitMillis = options.wallLimitMillis;
        this.epochMillis = options.epochMillis;
        this.injections = options.injections != null ? options.injections
                : new Injections(java.util.Set.of());
        this.endOnLivelock = options.endOnLivelock;
        this.instantStepLimit = options.instantStepLimit;
        if (options.listeners != null) {
            listeners.addAll(options.listeners);
        }
    }

    /** The injection rules applied at named points; commands may add to them at run time. */
    public Injections injections() {
        return injections;
    }

    /** Returns "virtual" or "platform": the kind of Java thread simulated threads run on. */
    public static String carrierKind() {
        return Carriers.kind();
    }

    // ---------------------------------------------------------------- objects and threads

    public SimMutex newMutex(String name) {
        return new SimMutex(this, name, nextObjectId++);
    }

    public SimCond newCond(String name) {
        return new SimCond(this, name, nextObjectId++);
    }

    public <T> SimQueue<T> newQueue(String name) {
        return new SimQueue<>(this, name, nextObjectId++);
    }

    /**
     * Creates a simulated thread. It becomes ready at once but runs only when the scheduler
     * chooses it; the calling thread keeps the baton.
     *
     * @param group an owner tag, for {@link #killGroup(Object)}
     */
    public SimThread spawn(String name, Object group, Runnable body) {
        SimThread t = new SimThread(this, threads.size(), name, group, body);
        threads.add(t);
        alive++;
        markReady(t);
        if (threads.size() > enabled.length) {
            enabled = new SimThread[threads.size() * 2];
        }
        return t;
    }

    /** Returns the simulated thread holding the baton. */
    public SimThread currentThread() {
        return running;
    }

    /** Returns true if the calling Java thread is the carrier of the running simulated thread. */
    public boolean inSimulation() {
        SimThread t = running;
        return t != null && t.carrier == Thread.currentThread();
    }

    /** Adds a listener that sees every step; must be called before {@link #run}. */
    public void addListener(StepListener listener) {
        listeners.add(listener);
    }

    // ---------------------------------------------------------------- time

    /** Virtual time in nanoseconds since the start of the run. */
    public long now() {
        return now;
    }

    /** Wall-clock time that the current virtual time stands for, in milliseconds since the epoch. */
    public long epochMillis() {
        return epochMillis + now / 1_000_000L;
    }

    /**
     * The time, in epoch seconds, that an event arriving from outside the simulation right
     * now would see: in realtime mode the wall clock's place, which the idle scheduler has not
     * caught up with yet, otherwise the virtual time. Callable from any thread; it reads the
     * clock without the baton, which is only good for a time stamp.
     */
    public double epochSecondsFromOutside() {
        long n = now;
        if (realtime) {
            n = Math.max(n, System.nanoTime() - wallStart);
        }
        return epochMillis / 1000.0 + n / 1e9;
    }

    /** Like {@link #epochMillis()} with nanosecond resolution, as seconds. */
    public double epochSeconds() {
        return epochMillis / 1000.0 + now / 1e9;
    }

    public long steps() {
        return steps;
    }

    public boolean isRealtime() {
        return realtime;
    }

    public static String formatNanos(long nanos) {
        return String.format("%d.%06ds", nanos / 1_000_000_000L, (nanos % 1_000_000_000L) / 1000);
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs {@code body} as the main simulated thread and blocks the calling Java thread until
     * the simulation ends. When the main thread returns, every other thread is killed.
     */
    public SimResult run(String name, Runnable body) {
        main = spawn(name, null, body);
        wallStart = System.nanoTime();
        running = main;
        handOff(main);
        try {
            if (wallLimitMillis >= 0) {
                if (!finished.await(wallLimitMillis + 5000, TimeUnit.MILLISECONDS)) {
                    return new SimResult(SimResult.Outcome.TIMEOUT,
                            List.of("the simulation did not finish within the wall-clock limit"),
                            null, now, steps);
                }
            } else {
                finished.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SimResult(SimResult.Outcome.ABORTED, List.of("interrupted"), e, now, steps);
        }
        return result;
    }

    /**
     * Ends the run at the next step: every thread is killed and {@link #run} returns with this
     * outcome. Called with the baton held.
     */
    public void abort(SimResult.Outcome outcome, List<String> report, Throwable error) {
        if (endOutcome == null) {
            endOutcome = outcome;
            endReport = List.copyOf(report);
            endError = error;
        }
        for (SimThread t : threads) {
            if (t.state != SimThread.State.DONE && !t.killed) {
                t.killed = true;
                killPending++;
            }
        }
    }

    /**
     * Kills every live thread spawned with {@code group}: each unwinds with
     * {@link SimThreadKilled} when it next runs, which happens before any other step.
     */
    public void killGroup(Object group) {
        for (SimThread t : threads) {
            if (t.group == group && t.state != SimThread.State.DONE && !t.killed) {
                t.killed = true;
                killPending++;
            }
        }
    }

    /** Returns one line per live thread: what it waits for, what it holds and where it is. */
    public List<String> describeThreads() {
        List<String> lines = new ArrayList<>();
        for (SimThread t : threads) {
            if (t.state != SimThread.State.DONE) {
                lines.add(t.describe());
            }
        }
        return lines;
    }

    /** Livelock reports collected during the run. */
    public List<String> livelocks() {
        return livelockReport;
    }

    // ---------------------------------------------------------------- operations

    void lock(SimMutex m) {
        SimThread me = self();
        if (m.owner == me) {
            throw new IllegalStateException("thread " + me.name + " locks " + m.name
                    + " which it already holds");
        }
        step(me, OpKind.LOCK, m, -1);
        m.owner = me;
        me.held.add(m);
    }

    boolean tryLock(SimMutex m) {
        SimThread me = self();
        step(me, OpKind.TRYLOCK, m, -1);
        if (m.owner != null) {
            return false;
        }
        m.owner = me;
        me.held.add(m);
        return true;
    }

    void unlock(SimMutex m) {
        SimThread me = running;
        if (me != null && me.killed && me.carrier == Thread.currentThread()) {
            release(me, m);
            return;
        }
        me = self();
        if (m.owner != me) {
            throw new IllegalStateException("thread " + me.name + " unlocks " + m.name
                    + " held by " + (m.owner == null ? "nobody" : m.owner.name));
        }
        step(me, OpKind.UNLOCK, m, -1);
        release(me, m);
    }

    private void release(SimThread me, SimMutex m) {
        if (m.owner != me) {
            return;
        }
        m.owner = null;
        me.held.remove(m);
        for (SimThread t : threads) {
            if (t.pendingKind == OpKind.LOCK && t.pendingObj == m && t != me
                    && t.state != SimThread.State.DONE) {
                markReady(t);
            }
        }
    }

    boolean await(SimCond c, SimMutex m, long timeoutNanos) {
        SimThread me = self();
        if (m.owner != me) {
            throw new IllegalStateException("thread " + me.name + " waits on " + c.name
                    + " without holding " + m.name);
        }
        step(me, OpKind.UNLOCK, m, -1);
        release(me, m);
        me.signalled = false;
        c.waiters.add(me);
        step(me, OpKind.WAIT, c, timeoutNanos < 0 ? -1 : now + timeoutNanos);
        boolean signalled = me.signalled;
        if (!signalled) {
            c.waiters.remove(me);
        }
        me.signalled = false;
        lock(m);
        return signalled;
    }

    void signal(SimCond c, boolean all) {
        SimThread me = self();
        step(me, OpKind.SIGNAL, c, -1);
        signalInternal(c, all);
    }

    /**
     * Signals {@code c} without a step of its own: for external events and uncaught-exception
     * handlers, which run with the baton held but are not a thread's step.
     */
    public void signalInternal(SimCond c, boolean all) {
        while (!c.waiters.isEmpty()) {
            SimThread t = c.waiters.poll();
            t.signalled = true;
            markReady(t);
            if (!all) {
                break;
            }
        }
    }

    /** Sleeps for {@code nanos} of virtual time. */
    public void sleep(long nanos) {
        SimThread me = self();
        step(me, OpKind.SLEEP, null, now + Math.max(0, nanos));
    }

    <T> void put(SimQueue<T> q, T item) {
        SimThread me = self();
        step(me, OpKind.PUT, q, -1);
        putInternal(q, item);
    }

    /** Adds to {@code q} without a step of its own, like {@link #signalInternal}. */
    public <T> void putInternal(SimQueue<T> q, T item) {
        q.items.add(item);
        for (SimThread t : threads) {
            if (t.pendingKind == OpKind.TAKE && t.pendingObj == q && t.state != SimThread.State.DONE) {
                markReady(t);
            }
        }
    }

    <T> T take(SimQueue<T> q, long timeoutNanos) {
        SimThread me = self();
        long deadline = timeoutNanos < 0 ? -1 : now + timeoutNanos;
        while (true) {
            step(me, OpKind.TAKE, q, deadline);
            if (!q.items.isEmpty()) {
                return q.items.poll();
            }
            if (deadline >= 0 && now >= deadline) {
                return null;
            }
        }
    }

    /** Waits until {@code t} has exited. */
    public void join(SimThread t) {
        SimThread me = self();
        step(me, OpKind.JOIN, t, -1);
    }

    /**
     * Blocks the calling simulated thread until {@code condition} holds. The condition is
     * evaluated by the scheduler at each decision, so it must read simulated state only.
     */
    public void blockUntil(BooleanSupplier condition, String what) {
        blockUntil(condition, what, -1);
    }

    /**
     * Like {@link #blockUntil(BooleanSupplier, String)} but gives up after
     * {@code timeoutNanos} of virtual time (negative: never).
     *
     * @return true if the condition holds, false on timeout
     */
    public boolean blockUntil(BooleanSupplier condition, String what, long timeoutNanos) {
        SimThread me = self();
        if (condition.getAsBoolean()) {
            return true;
        }
        me.pendingCondition = condition;
        try {
            step(me, OpKind.WAIT, what, timeoutNanos < 0 ? -1 : now + timeoutNanos);
        } finally {
            me.pendingCondition = null;
        }
        return condition.getAsBoolean();
    }

    /**
     * Runs {@code work} on a real thread outside the simulation and blocks the calling
     * simulated thread until it is done. Virtual time stands still meanwhile, and other
     * simulated threads may run, for example to answer CLI requests that {@code work} causes.
     */
    public <T> T external(String what, java.util.concurrent.Callable<T> work) throws Exception {
        SimThread me = self();
        Object[] box = new Object[2];
        me.externalDone = false;
        externalWaits++;
        Thread worker = new Thread(() -> {
            try {
                box[0] = work.call();
            } catch (Throwable e) {
                box[1] = e;
            }
            submitExternal(() -> {
                me.externalDone = true;
                markReady(me);
            });
        }, "vclab-external");
        worker.setDaemon(true);
        worker.start();
        try {
            step(me, OpKind.EXTERNAL, what, -1);
        } finally {
            externalWaits--;
        }
        if (box[1] instanceof Exception e) {
            throw e;
        }
        if (box[1] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) box[0];
        return value;
    }

    /**
     * Queues {@code event} to run inside the simulation, with the baton held, at the next
     * scheduling decision. Callable from any real thread. The event must not block.
     */
    public void submitExternal(Runnable event) {
        synchronized (inboxLock) {
            inbox.add(event);
            inboxPending = true;
            inboxLock.notifyAll();
        }
    }

    /**
     * Marks the start of a request from outside (a CLI command from a connection or a
     * terminal) and returns the mark for {@link #requestDone()}. Call with the baton held.
     * While a request is open, an idle simulation in virtual time moves the clock on to its
     * next deadline instead of waiting for more input.
     */
    public void requestStarted() {
        openRequests++;
    }

    /** Marks the end of a request counted by {@link #requestStarted()}; baton held. */
    public void requestDone() {
        openRequests--;
    }

    /**
     * Declares that real threads may deliver events (a CLI listener, a terminal), so that an
     * idle simulation waits for them instead of reporting a deadlock.
     */
    public void openExternalSource() {
        synchronized (inboxLock) {
            externalSources++;
        }
    }

    public void closeExternalSource() {
        synchronized (inboxLock) {
            externalSources--;
            inboxLock.notifyAll();
        }
    }

    /** A named injection point: applies matching injections, then is a scheduling point. */
    public void point(Point p, String vcl, String detail) {
        SimThread me = self();
        me.where = p.name();
        if (injections.hasRulesFor(p.name())) {
            injections.apply(this, me, p, vcl, detail);
        }
        me.pointVcl = vcl;
        me.pointDetail = detail;
        try {
            step(me, OpKind.POINT, p, -1);
        } finally {
            me.pointVcl = null;
            me.pointDetail = null;
        }
        pointHits.merge(p.name(), 1, Integer::sum);
    }

    /**
     * Lets every thread that became ready before this one run first; the calling thread
     * continues once they block. Under an exploring policy it is an ordinary choice point.
     */
    public void yieldNow() {
        SimThread me = self();
        markReady(me);
        step(me, OpKind.YIELD, null, -1);
    }

    /** Number of times any thread passed point {@code name}. */
    public int pointHits(String name) {
        return pointHits.getOrDefault(name, 0);
    }

    /** Records where the current thread is, for reports, without a scheduling point. */
    public void where(String location) {
        SimThread me = running;
        if (me != null) {
            me.where = location;
        }
    }

    // ---------------------------------------------------------------- the core

    private SimThread self() {
        SimThread me = running;
        if (me == null || me.carrier != Thread.currentThread()) {
            throw new UncontrolledStepException("a scheduler operation came from "
                    + Thread.currentThread().getName() + ", which is not the running simulated thread"
                    + (me == null ? "" : " (" + me.name + ")"));
        }
        if (me.killed) {
            throw KILLED;
        }
        return me;
    }

    private void step(SimThread me, OpKind kind, Object obj, long deadline) {
        me.pendingKind = kind;
        me.pendingObj = obj;
        me.pendingDeadline = deadline;
        if (inboxPending) {
            drainInbox();
        }
        SimThread next;
        if (policy == null && killPending == 0 && listeners.isEmpty() && isEnabled(me)
                && kind != OpKind.YIELD) {
            next = me;
            lastChoices = 1;
        } else {
            next = chooseNext(kind == OpKind.YIELD && policy == null ? null : me);
        }
        if (next != me) {
            switchTo(me, next);
        } else if (me.killed) {
            throw KILLED;
        }
        countStep(me);
        if (!listeners.isEmpty()) {
            for (StepListener l : listeners) {
                l.onStep(steps - 1, me, kind, obj, lastChoices);
            }
        }
    }

    private void countStep(SimThread me) {
        steps++;
        if (instantStepLimit >= 0) {
            countInstantStep();
        }
        if (spinThread != me || spinInstant != now) {
            spinThread = me;
            spinInstant = now;
            me.stepsAtInstant = 0;
        }
        if (++me.stepsAtInstant > spinLimit && !me.livelocked) {
            me.livelocked = true;
            livelockReport.add(me.name + " took " + spinLimit + " steps at "
                    + formatNanos(now) + " without blocking, last at " + me.where);
            if (endOnLivelock) {
                List<String> report = new ArrayList<>(livelockReport);
                report.addAll(describeThreads());
                abort(SimResult.Outcome.LIVELOCK, report, null);
                return;
            }
            // A livelocked thread is parked for good, as a spinning CPU thread would never
            // answer; the rest of the simulation goes on and sees it hang.
            me.externalDone = false;
            step(me, OpKind.EXTERNAL, "nothing (livelocked)", -1);
        }
    }

    private void countInstantStep() {
        if (stepsInstant != now) {
            stepsInstant = now;
            stepsAtInstant = 0;
        }
        if (++stepsAtInstant > instantStepLimit && endOutcome == null) {
            List<String> report = new ArrayList<>();
            report.add("the threads took " + instantStepLimit + " steps at "
                    + formatNanos(now) + " without letting virtual time pass");
            report.addAll(describeThreads());
            abort(SimResult.Outcome.LIVELOCK, report, null);
        }
    }

    private boolean isEnabled(SimThread t) {
        if (t.killed) {
            return true;
        }
        switch (t.pendingKind) {
            case LOCK:
                return ((SimMutex) t.pendingObj).owner == null;
            case WAIT:
                if (t.pendingCondition != null) {
                    return t.pendingCondition.getAsBoolean()
                            || (t.pendingDeadline >= 0 && now >= t.pendingDeadline);
                }
                return t.signalled || (t.pendingDeadline >= 0 && now >= t.pendingDeadline);
            case SLEEP:
                return now >= t.pendingDeadline;
            case TAKE:
                return !((SimQueue<?>) t.pendingObj).items.isEmpty()
                        || (t.pendingDeadline >= 0 && now >= t.pendingDeadline);
            case JOIN:
                return ((SimThread) t.pendingObj).state == SimThread.State.DONE;
            case EXTERNAL:
                return t.externalDone;
            default:
                return true;
        }
    }

    /** Records that {@code t} became ready now, so that the default policy runs threads in
     * the order they became ready. */
    private void markReady(SimThread t) {
        t.readySeq = ++readyCounter;
    }

    /** Picks the thread for the next step; handles idle periods, deadlocks and time limits. */
    private SimThread chooseNext(SimThread current) {
        for (boolean first = true;; first = false) {
            if (!first) {
                // The current thread was blocked: after an idle period it has no precedence.
                current = null;
            }
            int n = 0;
            SimThread firstKilled = null;
            for (SimThread t : threads) {
                if (t.state == SimThread.State.DONE) {
                    continue;
                }
                if (t.killed) {
                    if (firstKilled == null) {
                        firstKilled = t;
                    }
                    continue;
                }
                if (isEnabled(t)) {
                    enabled[n++] = t;
                }
            }
            if (firstKilled != null) {
                lastChoices = 1;
                return firstKilled;
            }
            if (n > 0) {
                lastChoices = n;
                SimThread def = defaultChoice(current, n);
                if (policy == null || n == 1) {
                    return def;
                }
                return policy.choose(this, current, enabled, n, def);
            }
            idle();
        }
    }

    private SimThread defaultChoice(SimThread current, int n) {
        if (current != null && current.state != SimThread.State.DONE && !current.killed) {
            for (int i = 0; i < n; i++) {
                if (enabled[i] == current) {
                    return current;
                }
            }
        }
        SimThread best = enabled[0];
        for (int i = 1; i < n; i++) {
            if (enabled[i].readySeq < best.readySeq) {
                best = enabled[i];
            }
        }
        return best;
    }

    /** Nothing is enabled: wait for an external event, advance the clock, or end the run. */
    private void idle() {
        long deadline = Long.MAX_VALUE;
        for (SimThread t : threads) {
            if (t.state == SimThread.State.DONE || t.killed) {
                continue;
            }
            boolean timed = t.pendingDeadline >= 0 && (t.pendingKind == OpKind.SLEEP
                    || t.pendingKind == OpKind.WAIT || t.pendingKind == OpKind.TAKE);
            if (timed && t.pendingDeadline < deadline) {
                deadline = t.pendingDeadline;
            }
        }
        boolean waitExternal;
        synchronized (inboxLock) {
            // In virtual time an open request lets the clock jump to the next deadline, as in
            // a script; with none open, time stands still until the next request arrives.
            boolean working = !realtime && openRequests > 0 && deadline != Long.MAX_VALUE;
            waitExternal = externalWaits > 0 || externalSources > 0 && !working
                    || (realtime && deadline != Long.MAX_VALUE);
        }
        if (waitExternal) {
            waitForExternal(deadline);
            return;
        }
        if (deadline != Long.MAX_VALUE) {
            advanceTo(deadline);
            return;
        }
        List<String> report = new ArrayList<>();
        report.add("deadlock at " + formatNanos(now) + ": every thread is blocked");
        report.addAll(describeThreads());
        abort(SimResult.Outcome.DEADLOCK, report, null);
    }

    private void advanceTo(long deadline) {
        if (virtualLimit >= 0 && deadline > virtualLimit) {
            now = virtualLimit;
            List<String> report = new ArrayList<>();
            report.add("virtual time limit of " + formatNanos(virtualLimit) + " reached");
            report.addAll(describeThreads());
            abort(SimResult.Outcome.TIMEOUT, report, null);
            return;
        }
        now = deadline;
        for (SimThread t : threads) {
            if (t.state != SimThread.State.DONE && t.pendingDeadline >= 0
                    && t.pendingDeadline <= now) {
                markReady(t);
            }
        }
    }

    private void waitForExternal(long deadline) {
        long wallNow = System.nanoTime() - wallStart;
        long waitNanos;
        if (realtime && externalWaits == 0 && deadline != Long.MAX_VALUE) {
            waitNanos = Math.max(0, deadline - Math.max(now, wallNow));
        } else {
            waitNanos = -1;
        }
        long wallBudget = wallLimitMillis < 0 ? -1
                : wallLimitMillis * 1_000_000L - wallNow;
        if (wallBudget >= 0 && (waitNanos < 0 || wallBudget < waitNanos)) {
            if (wallBudget <= 0) {
                List<String> report = new ArrayList<>();
                report.add("wall-clock limit reached while waiting for external work");
                report.addAll(describeThreads());
                abort(SimResult.Outcome.TIMEOUT, report, null);
                return;
            }
            waitNanos = wallBudget;
        }
        synchronized (inboxLock) {
            if (!inboxPending && waitNanos != 0) {
                if (externalWaits == 0 && externalSources == 0 && !realtime) {
                    return;
                }
                try {
                    if (waitNanos < 0) {
                        inboxLock.wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(inboxLock, waitNanos);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abort(SimResult.Outcome.ABORTED, List.of("interrupted"), e);
                    return;
                }
            }
        }
        drainInbox();
        if (realtime) {
            long wall = System.nanoTime() - wallStart;
            if (externalWaits == 0 && wall > now) {
                advanceTo(deadline == Long.MAX_VALUE ? wall : Math.min(wall, deadline));
            }
        }
    }

    private void drainInbox() {
        while (true) {
            Runnable r;
            synchronized (inboxLock) {
                r = inbox.poll();
                if (r == null) {
                    inboxPending = false;
                    return;
                }
            }
            r.run();
        }
    }

    private void switchTo(SimThread me, SimThread next) {
        running = next;
        handOff(next);
        me.awaitBaton();
        if (me.killed) {
            throw KILLED;
        }
    }

    private void handOff(SimThread next) {
        if (next.state == SimThread.State.NEW) {
            next.state = SimThread.State.ALIVE;
            if (!listeners.isEmpty() && !next.killed) {
                for (StepListener l : listeners) {
                    l.onStart(steps, next, lastChoices);
                }
            }
            next.go = true;
            Carriers.start(next, () -> runThread(next));
            return;
        }
        next.go = true;
        LockSupport.unpark(next.carrier);
    }

    private void runThread(SimThread t) {
        t.awaitBaton();
        try {
            if (!t.killed) {
                t.body.run();
            }
        } catch (SimThreadKilled k) {
            // unwound after a kill
        } catch (Throwable e) {
            uncaught(t, e);
        }
        exit(t);
    }

    private void uncaught(SimThread t, Throwable e) {
        if (t.onUncaught != null && !(e instanceof UncontrolledStepException)) {
            try {
                t.onUncaught.uncaughtException(t.carrier, e);
                return;
            } catch (Throwable handlerError) {
                e = handlerError;
            }
        }
        List<String> report = new ArrayList<>();
        report.add("thread " + t.name + " failed: " + e);
        abort(SimResult.Outcome.ABORTED, report, e);
    }

    private void exit(SimThread me) {
        if (me.killed) {
            killPending--;
        }
        me.state = SimThread.State.DONE;
        me.pendingKind = OpKind.EXIT;
        alive--;
        for (SimMutex m : new ArrayList<>(me.held)) {
            release(me, m);
        }
        for (SimThread t : threads) {
            if (t.pendingKind == OpKind.JOIN && t.pendingObj == me) {
                markReady(t);
            }
        }
        if (me == main && endOutcome == null) {
            endOutcome = SimResult.Outcome.COMPLETED;
            for (SimThread t : threads) {
                if (t.state != SimThread.State.DONE && !t.killed) {
                    t.killed = true;
                    killPending++;
                }
            }
        }
        if (alive == 0) {
            running = null;
            if (!livelockReport.isEmpty() && endOutcome == SimResult.Outcome.COMPLETED) {
                endReport = List.copyOf(livelockReport);
            }
            result = new SimResult(endOutcome == null ? SimResult.Outcome.COMPLETED : endOutcome,
                    endReport, endError, now, steps);
            finished.countDown();
            return;
        }
        SimThread next = chooseNext(null);
        running = next;
        handOff(next);
    }
}
