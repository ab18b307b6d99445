package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Independent random or PCT runs, numbered from 0 and spread over the workers. Run i uses
 * the seed and i alone, and the failure reported is the one with the lowest run number, so a
 * seed gives the same result whatever the number of workers.
 */
final class WalkSearch {
    private static final System.Logger LOG = System.getLogger(WalkSearch.class.getName());

    private final RunDriver driver;
    private final ExploreOptions options;
    private final SearchState state;
    private final long pctSteps;
    private final AtomicLong next = new AtomicLong();

    /** @param pctSteps PCT's k: the number of steps change points are drawn from */
    WalkSearch(RunDriver driver, ExploreOptions options, SearchState state, long pctSteps) {
        this.driver = driver;
        this.options = options;
        this.state = state;
        this.pctSteps = pctSteps;
    }

    void run() {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < options.workers; w++) {
            Thread t = new Thread(this::work, "vclab-explore-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state.stop("interrupted");
            }
        }
    }

    private void work() {
        RandomPolicy random = new RandomPolicy();
        PctPolicy pct = new PctPolicy(options.depth, pctSteps);
        long budget = options.scheduleBudget();
        try {
            while (true) {
                long i = next.getAndIncrement();
                // Runs numbered below a failure found elsewhere still run, so that the
                // failure kept is the lowest-numbered one.
                if (i > state.lowestOrder() || (budget >= 0 && i >= budget)) {
                    return;
                }
                if (state.lowestOrder() == Long.MAX_VALUE && !state.mayContinue()) {
                    return;
                }
                ExplorePolicy policy;
                if (options.strategy == ExploreOptions.Strategy.PCT) {
                    pct.reset(options.seed, i);
                    policy = pct;
                } else {
                    random.reset(options.seed, i);
                    policy = random;
                }
                RunDriver.Result r = driver.run(policy, state.deadlineNanos());
                state.runs.increment();
                if (r.outOfTime()) {
                    state.outOfTime();
                    return;
                }
                state.countSchedule();
                if (r.skipReason() != null) {
                    state.skipped(r.skipReason());
                    return;
                }
                if (r.failure() != null) {
                    state.offer(Found.of(r.failure(), policy, driver.scenario().name(),
                            options.describeStrategy() + " run " + i, r.steps(), i));
                }
            }
        } catch (RuntimeException | Error e) {
            // The stop reason reaches the user; the stack trace only the debug log.
            LOG.log(System.Logger.Level.ERROR, "explorer worker failed: " + e);
            LOG.log(System.Logger.Level.DEBUG, "explorer worker failed", e);
            state.stop("a worker failed: " + e);
        }
    }
}
