package vclab.explore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;
import vclab.sched.SimThread;

/**
 * Measures the explorer without a benchmark harness. It times R1's first failure (the first
 * search of the JVM is cold), the raw hand-off rate between two simulated threads, and
 * complete bounded searches of a synthetic program and of R1. Run with the test class path:
 * {@code java -cp target/classes:target/test-classes:DEPS vclab.explore.ExploreBenchmark}.
 * Numbers depend on the machine and JDK; the carrier kind is printed first.
 */
public final class ExploreBenchmark {
    private ExploreBenchmark() {
    }

    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        System.out.printf(Locale.ROOT, "java %s, carriers %s, %d workers, %d processors%n",
                Runtime.version(), Scheduler.carrierKind(), workers,
                Runtime.getRuntime().availableProcessors());
        firstFailure(workers);
        handOffs(200_000);
        handOffs(1_000_000);
        for (int round = 0; round < 3; round++) {
            search("two threads 10+10, no bound, no reduction",
                    Programs.twoThreads(10, 10, "a", "a"), 1000, false, workers);
        }
        for (int round = 0; round < 3; round++) {
            search("r1 v8.0, bound 2", RaceR1.scenario("v8.0"), 2, true, workers);
        }
        System.out.printf(Locale.ROOT, "peak heap %.0f MB%n", peakHeapBytes() / 1e6);
    }

    private static void search(String what, Scenario scenario, int bound, boolean reduce,
            int workers) {
        ExploreOptions o = new ExploreOptions();
        o.bound = bound;
        o.iterativeBound = false;
        o.partialOrderReduction = reduce;
        o.workers = workers;
        ExploreReport r = new Explorer(scenario, o).explore();
        System.out.printf(Locale.ROOT,
                "%s: %d schedules, %d pruned, %.2f s, %.0f runs/s, complete %s%n",
                what, r.schedules(), r.pruned(), r.seconds(), r.runsPerSecond(), r.complete());
    }

    private static void firstFailure(int workers) {
        double[] times = new double[15];
        for (int i = 0; i < times.length; i++) {
            ExploreOptions o = new ExploreOptions();
            o.workers = workers;
            o.minimize = false;
            ExploreReport r = new Explorer(RaceR1.scenario("v7.6"), o).explore();
            times[i] = r.firstFailureSeconds();
        }
        System.out.printf(Locale.ROOT, "r1 v7.6 first failure: first (cold) %.1f ms, then"
                + " median %.1f ms over %d searches%n", times[0] * 1e3,
                median(Arrays.copyOfRange(times, 1, times.length)) * 1e3, times.length - 1);
    }

    /** Two simulated threads hand the baton to each other at every step. */
    private static void handOffs(int steps) {
        Scheduler.Options o = new Scheduler.Options();
        o.policy = (s, current, enabled, count, def) -> enabled[0] == current && count > 1
                ? enabled[1] : enabled[0];
        Scheduler s = new Scheduler(o);
        long start = System.nanoTime();
        SimResult r = s.run("main", () -> {
            SimThread b = s.spawn("b", null, () -> {
                for (int i = 0; i < steps / 2; i++) {
                    s.point(Programs.STEP, "b", null);
                }
            });
            for (int i = 0; i < steps / 2; i++) {
                s.point(Programs.STEP, "a", null);
            }
            s.join(b);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "hand-offs: %d steps in %.2f s, %.0f steps/s (%s)%n",
                r.steps(), seconds, r.steps() / seconds, r.outcome());
    }

    /** Returns the median of {@code values}, the upper one of an even count. */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Returns the sum of the peak usage of the heap's memory pools. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
