package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import vclab.sched.Point;
import vclab.sched.Scheduler;
import vclab.sched.SimMutex;
import vclab.sched.SimQueue;
import vclab.sched.SimResult;
import vclab.sched.SimThread;
import vclab.testing.OwnThread;
import vclab.vcl.Trace;

/** Small synthetic programs under one scheduler, with known numbers of schedules and bugs. */
final class Programs {
    static final Point STEP = new Point("test.step", "a step of a synthetic thread");

    private Programs() {
    }

    /** A scenario whose main thread runs {@code body}; the body adds failed expectations. */
    static Scenario of(String name, BiConsumer<Scheduler, List<String>> body) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ScenarioOutcome run(Scheduler.Options options, Consumer<Trace.Event> trace) {
                Scheduler s = new Scheduler(options);
                List<String> failures = new ArrayList<>();
                SimResult r = s.run("main", () -> body.accept(s, failures));
                return new ScenarioOutcome(r, List.of(), null, failures);
            }
        };
    }

    /**
     * The main thread starts thread "b", then takes {@code m} injection-point steps at VCL
     * {@code vclA} while "b" takes {@code n - 1} at {@code vclB} (its start is its first
     * step), then joins it.
     */
    static Scenario twoThreads(int m, int n, String vclA, String vclB) {
        return of("two threads " + m + "+" + n, (s, failures) -> {
            SimThread b = s.spawn("b", null, () -> {
                for (int i = 1; i < n; i++) {
                    s.point(STEP, vclB, null);
                }
            });
            for (int i = 0; i < m; i++) {
                s.point(STEP, vclA, null);
            }
            s.join(b);
        });
    }

    /**
     * Two threads increment a counter with a read, an injection point and a write: an
     * update is lost when one thread is preempted between its read and its write.
     */
    static Scenario lostUpdate() {
        return of("lost update", (s, failures) -> {
            int[] counter = {0};
            Runnable increment = () -> {
                s.point(STEP, "counter", "before read");
                int seen = counter[0];
                s.point(STEP, "counter", "after read");
                counter[0] = seen + 1;
            };
            SimThread a = s.spawn("a", null, increment);
            SimThread b = s.spawn("b", null, increment);
            s.join(a);
            s.join(b);
            if (counter[0] != 2) {
                failures.add("counter is " + counter[0] + ", expected 2");
            }
        });
    }

    /** Two threads take two mutexes in opposite orders: a deadlock after one preemption. */
    static Scenario lockOrder() {
        return of("lock order", (s, failures) -> {
            SimMutex vcl = s.newMutex("vcl_mtx");
            SimMutex dir = s.newMutex("dir_mtx");
            SimThread a = s.spawn("a", null, () -> {
                vcl.lock();
                dir.lock();
                dir.unlock();
                vcl.unlock();
            });
            SimThread b = s.spawn("b", null, () -> {
                dir.lock();
                vcl.lock();
                vcl.unlock();
                dir.unlock();
            });
            s.join(a);
            s.join(b);
        });
    }

    /**
     * Two threads that hand an item back and forth for ever at virtual time 0. Each blocks
     * between its steps, so no thread alone spins, but virtual time never passes.
     */
    static Scenario pingPong() {
        return of("ping pong", (s, failures) -> {
            SimQueue<Integer> ping = s.newQueue("ping");
            SimQueue<Integer> pong = s.newQueue("pong");
            s.spawn("b", null, () -> {
                while (true) {
                    pong.put(ping.take());
                }
            });
            while (true) {
                ping.put(1);
                pong.take();
            }
        });
    }

    /** Thread "spinner" polls a flag at an injection point that only "setter" sets. */
    static Scenario spinner() {
        return of("spinner", (s, failures) -> {
            boolean[] flag = {false};
            SimThread spin = s.spawn("spinner", null, () -> {
                while (!flag[0]) {
                    s.point(STEP, "flag", "poll");
                }
            });
            SimThread set = s.spawn("setter", null, () -> flag[0] = true);
            s.join(spin);
            s.join(set);
        });
    }

    /** Thread "b" sleeps {@code nanos} of virtual time while the main thread joins it. */
    static Scenario sleeper(long nanos) {
        return of("sleeper", (s, failures) -> {
            SimThread b = s.spawn("b", null, () -> s.sleep(nanos));
            s.point(STEP, "a", null);
            s.join(b);
        });
    }

    /** A simulated thread that takes a mutex from a helper Java thread. */
    static Scenario uncontrolled() {
        return of("uncontrolled", (s, failures) -> {
            SimMutex m = s.newMutex("m");
            CompletableFuture.runAsync(m::lock, OwnThread.EXECUTOR).join();
        });
    }

    /**
     * Returns a program that takes one more step on every other run, as if it read the wall
     * clock. {@code runs} counts the runs.
     */
    static Scenario flaky(AtomicInteger runs) {
        return of("flaky", (s, failures) -> {
            SimThread b = s.spawn("b", null, () -> s.point(STEP, "b", null));
            s.point(STEP, "a", null);
            if (runs.incrementAndGet() % 2 == 0) {
                s.point(STEP, "a", "extra");
            }
            s.join(b);
            failures.add("always fails");
        });
    }
}
