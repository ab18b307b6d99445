package vclab.explore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import vclab.sched.Scheduler;
import vclab.vtc.VtcScenarioFactory;
import vclab.vtc.varnish.SimulatedVarnish;

/**
 * Measures the explorer on a VTC script without a benchmark harness: the time from the start
 * of a search to its first failure (in a cold JVM and once the JIT is warm), and complete
 * searches of one bound, without the lower bounds that {@code
 * vclab explore} searches first. bench/explore.sh runs it on the R1 script.
 *
 * <p>Arguments: the script, the model of the first-failure searches, the model and bound of
 * the complete searches, and the number of workers.
 */
public final class VtcExploreBenchmark {
    private VtcExploreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path script = Path.of(args[0]);
        String failModel = args[1];
        String fullModel = args[2];
        int bound = Integer.parseInt(args[3]);
        int workers = Integer.parseInt(args[4]);
        System.out.printf(Locale.ROOT, "java %s, carriers %s, %d workers, %d processors%n",
                Runtime.version(), Scheduler.carrierKind(), workers,
                Runtime.getRuntime().availableProcessors());
        VtcScenarioFactory factory = new VtcScenarioFactory(new SimulatedVarnish.Factory());
        firstFailure(factory.create(script, failModel), failModel, workers);
        Scenario full = factory.create(script, fullModel);
        for (int round = 0; round < 3; round++) {
            search(full, fullModel, bound, workers);
        }
        System.out.printf(Locale.ROOT, "peak heap %.0f MB%n", ExploreBenchmark.peakHeapBytes() / 1e6);
    }

    /**
     * Times 30 searches to their first failure and prints the first, in a cold JVM, and the
     * median of the last 15, by when the JIT has compiled the runs' code.
     */
    private static void firstFailure(Scenario scenario, String model, int workers) {
        double[] times = new double[30];
        long schedules = 0;
        for (int i = 0; i < times.length; i++) {
            ExploreOptions o = new ExploreOptions();
            o.workers = workers;
            o.minimize = false;
            ExploreReport r = new Explorer(scenario, o).explore();
            if (!r.failed()) {
                throw new IllegalStateException(scenario.name() + " under " + model
                        + " did not fail: " + ReportWriters.summary(r));
            }
            times[i] = r.firstFailureSeconds();
            schedules = r.schedules();
        }
        int warm = times.length / 2;
        System.out.printf(Locale.ROOT, "%s %s first failure: first (cold) %.1f ms, median of"
                + " the last %d searches %.1f ms (%d schedules of the last bound)%n",
                scenario.name(), model, times[0] * 1e3, warm,
                ExploreBenchmark.median(Arrays.copyOfRange(times, times.length - warm, times.length)) * 1e3,
                schedules);
    }

    private static void search(Scenario scenario, String model, int bound, int workers) {
        ExploreOptions o = new ExploreOptions();
        o.bound = bound;
        o.iterativeBound = false;
        o.workers = workers;
        ExploreReport r = new Explorer(scenario, o).explore();
        System.out.printf(Locale.ROOT, "%s %s bound %d: %d schedules in %.2f s, %.0f schedules/s"
                + " (%d runs, %.0f runs/s, %d pruned), complete %s, failure %s%n",
                scenario.name(), model, bound, r.schedules(), r.seconds(),
                r.schedules() / r.seconds(), r.runs(), r.runsPerSecond(), r.pruned(),
                r.complete(), r.failed() ? r.failure().summary() : "none");
    }
}
