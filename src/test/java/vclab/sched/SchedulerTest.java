package vclab.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static Scheduler scheduler() {
        Scheduler.Options o = new Scheduler.Options();
        o.epochMillis = 0;
        return new Scheduler(o);
    }

    @Test
    void sleepAdvancesVirtualTimeAtOnce() {
        Scheduler s = scheduler();
        long[] seen = new long[1];
        SimResult r = s.run("top", () -> {
            s.sleep(4_000_000_000L);
            seen[0] = s.now();
        });
        assertEquals(SimResult.Outcome.COMPLETED, r.outcome());
        assertEquals(4_000_000_000L, seen[0]);
    }

    @Test
    void threadsWakeInVirtualTimeOrder() {
        Scheduler s = scheduler();
        List<String> order = new ArrayList<>();
        s.run("top", () -> {
            SimThread a = s.spawn("a", null, () -> {
                s.sleep(300);
                order.add("a");
            });
            SimThread b = s.spawn("b", null, () -> {
                s.sleep(100);
                order.add("b");
            });
            SimThread c = s.spawn("c", null, () -> {
                s.sleep(100);
                order.add("c");
            });
            s.join(a);
            s.join(b);
            s.join(c);
        });
        assertEquals(List.of("b", "c", "a"), order);
    }

    @Test
    void mutexExcludesAndBlockedThreadRunsAfterUnlock() {
        Scheduler s = scheduler();
        SimMutex m = s.newMutex("m");
        List<String> order = new ArrayList<>();
        s.run("top", () -> {
            m.lock();
            SimThread t = s.spawn("t", null, () -> {
                m.lock();
                order.add("t got m");
                m.unlock();
            });
            s.sleep(10);
            order.add("top unlocks");
            m.unlock();
            s.join(t);
        });
        assertEquals(List.of("top unlocks", "t got m"), order);
    }

    @Test
    void timedWaitTimesOutInVirtualTime() {
        Scheduler s = scheduler();
        SimMutex m = s.newMutex("m");
        SimCond c = s.newCond("c");
        boolean[] signalled = {true};
        long[] at = new long[1];
        s.run("top", () -> {
            m.lock();
            signalled[0] = c.await(m, 60_000_000_000L);
            at[0] = s.now();
            m.unlock();
        });
        assertFalse(signalled[0]);
        assertEquals(60_000_000_000L, at[0]);
    }

    @Test
    void signalWakesWaiter() {
        Scheduler s = scheduler();
        SimMutex m = s.newMutex("m");
        SimCond c = s.newCond("c");
        boolean[] signalled = new boolean[1];
        s.run("top", () -> {
            s.spawn("signaller", null, () -> {
                s.sleep(5);
                m.lock();
                c.signal();
                m.unlock();
            });
            m.lock();
            signalled[0] = c.await(m, 1000);
            m.unlock();
        });
        assertTrue(signalled[0]);
    }

    @Test
    void deadlockIsReportedWithEachThread() {
        Scheduler s = scheduler();
        SimMutex a = s.newMutex("vcl_mtx");
        SimMutex b = s.newMutex("dir_mtx");
        SimResult r = s.run("top", () -> {
            SimThread t = s.spawn("lookup", null, () -> {
                b.lock();
                s.sleep(10);
                a.lock();
            });
            a.lock();
            s.sleep(5);
            b.lock();
            s.join(t);
        });
        assertEquals(SimResult.Outcome.DEADLOCK, r.outcome());
        String report = String.join("\n", r.report());
        assertTrue(report.contains("top: waits for dir_mtx (held by lookup), holds vcl_mtx"),
                report);
        assertTrue(report.contains("lookup: waits for vcl_mtx (held by top), holds dir_mtx"),
                report);
    }

    @Test
    void killedGroupUnwindsAndReleasesItsMutex() {
        Scheduler s = scheduler();
        SimMutex m = s.newMutex("m");
        Object child = new Object();
        boolean[] finallyRan = new boolean[1];
        boolean[] topGotMutex = new boolean[1];
        s.run("top", () -> {
            s.spawn("worker", child, () -> {
                m.lock();
                try {
                    s.sleep(1_000_000);
                } finally {
                    finallyRan[0] = true;
                    m.unlock();
                }
            });
            s.sleep(10);
            s.killGroup(child);
            m.lock();
            topGotMutex[0] = true;
            m.unlock();
        });
        assertTrue(finallyRan[0]);
        assertTrue(topGotMutex[0]);
    }

    @Test
    void queueDeliversInOrderAndPollTimesOut() {
        Scheduler s = scheduler();
        SimQueue<String> q = s.newQueue("q");
        List<String> got = new ArrayList<>();
        s.run("top", () -> {
            s.spawn("producer", null, () -> {
                q.put("one");
                s.sleep(100);
                q.put("two");
            });
            got.add(q.take());
            got.add(q.take());
            got.add(String.valueOf(q.poll(50)));
        });
        assertEquals(List.of("one", "two", "null"), got);
    }

    @Test
    void externalWorkRunsOutsideAndTimeStandsStill() throws Exception {
        Scheduler s = scheduler();
        SimQueue<String> q = s.newQueue("requests");
        List<String> got = new ArrayList<>();
        long[] after = new long[1];
        s.run("top", () -> {
            SimThread mgt = s.spawn("mgt", null, () -> got.add(q.take()));
            try {
                String out = s.external("a shell command", () -> {
                    s.submitExternal(() -> s.putInternal(q, "ping"));
                    return "done";
                });
                got.add(out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // The run ends when top does; the ping may still be queued for mgt.
            s.join(mgt);
            after[0] = s.now();
        });
        assertTrue(got.contains("ping"), got.toString());
        assertTrue(got.contains("done"), got.toString());
        assertEquals(0, after[0]);
    }

    @Test
    void livelockedThreadIsParkedAndReported() {
        Scheduler.Options o = new Scheduler.Options();
        o.spinLimit = 1000;
        Scheduler s = new Scheduler(o);
        Point p = new Point("spin", "a loop");
        long[] at = new long[1];
        SimResult r = s.run("top", () -> {
            s.spawn("cli", null, () -> {
                while (true) {
                    s.point(p, null, null);
                }
            });
            s.sleep(5);
            at[0] = s.now();
        });
        assertEquals(5, at[0]);
        assertEquals(SimResult.Outcome.COMPLETED, r.outcome());
        assertTrue(String.join("\n", r.report()).contains("cli took 1000 steps"),
                r.report().toString());
    }

    @Test
    void injectedDelayAtPointLetsOtherThreadRunFirst() {
        Injections inj = new Injections(java.util.Set.of());
        Scheduler.Options o = new Scheduler.Options();
        o.injections = inj;
        Scheduler s = new Scheduler(o);
        inj.add(List.of("warm.inside", "delay", "100ms", "thread=cli"));
        Point warm = new Point("warm.inside", "inside WARM");
        List<String> order = new ArrayList<>();
        s.run("top", () -> {
            SimThread cli = s.spawn("cli", null, () -> {
                s.point(warm, "vcl1", "WARM");
                order.add("cli after warm");
            });
            SimThread lookup = s.spawn("lookup", null, () -> {
                s.sleep(10_000_000);
                order.add("lookup adds backend");
            });
            s.join(cli);
            s.join(lookup);
        });
        assertEquals(List.of("lookup adds backend", "cli after warm"), order);
    }

    @Test
    void sameProgramGivesSameStepCount() {
        long first = runMixed();
        for (int i = 0; i < 20; i++) {
            assertEquals(first, runMixed());
        }
    }

    private static long runMixed() {
        Scheduler s = scheduler();
        SimMutex m = s.newMutex("m");
        SimResult r = s.run("top", () -> {
            List<SimThread> ts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                ts.add(s.spawn("t" + i, null, () -> {
                    for (int k = 0; k < 50; k++) {
                        m.lock();
                        s.sleep(n + 1);
                        m.unlock();
                    }
                }));
            }
            for (SimThread t : ts) {
                s.join(t);
            }
        });
        return r.steps() * 1_000_000L + r.virtualNanos();
    }

    @Test
    void barrierInjectionHoldsUntilEveryPartyArrives() {
        Scheduler s = scheduler();
        Point meetHere = new Point("test.meet", "where the two threads meet");
        s.injections().declareBarrier(s, "meet", 2);
        s.injections().add(List.of("test.meet", "barrier", "meet"));
        List<String> events = new ArrayList<>();
        SimResult r = s.run("top", () -> {
            SimThread early = s.spawn("early", null, () -> {
                s.point(meetHere, null, null);
                events.add("early passes at " + s.now());
            });
            SimThread late = s.spawn("late", null, () -> {
                s.sleep(5_000);
                events.add("late arrives at " + s.now());
                s.point(meetHere, null, null);
            });
            s.join(early);
            s.join(late);
        });
        assertEquals(SimResult.Outcome.COMPLETED, r.outcome());
        assertEquals(List.of("late arrives at 5000", "early passes at 5000"), events);
    }
}
