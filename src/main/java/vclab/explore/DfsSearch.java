package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One complete depth-first search within a fixed preemption bound, spread over the workers:
 * each explores its own subtree and splits off part of it when another worker runs dry.
 */
final class DfsSearch {
    private static final System.Logger LOG = System.getLogger(DfsSearch.class.getName());

    private final RunDriver driver;
    private final ExploreOptions options;
    private final SearchState state;
    private final int bound;
    private final int deviationBound;
    private final WorkQueue queue;
    private final AtomicLong discoveries = new AtomicLong();

    /** @param deviationBound maximum deviations from the default policy, or -1 for none */
    DfsSearch(RunDriver driver, ExploreOptions options, SearchState state, int bound,
            int deviationBound) {
        this.driver = driver;
        this.options = options;
        this.state = state;
        this.bound = bound;
        this.deviationBound = deviationBound;
        this.queue = new WorkQueue(options.workers);
    }

    /** Searches until the bounded tree is done, a budget is used up or a failure stops it. */
    void run() {
        queue.give(WorkItem.ROOT);
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
                queue.close();
            }
        }
    }

    private void work() {
        DfsPolicy policy = new DfsPolicy(bound, deviationBound, options.partialOrderReduction);
        try {
            WorkItem item;
            while ((item = queue.take()) != null) {
                if (!explore(policy, item)) {
                    queue.close();
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            // The stop reason reaches the user; the stack trace only the debug log.
            LOG.log(System.Logger.Level.ERROR, "explorer worker failed: " + e);
            LOG.log(System.Logger.Level.DEBUG, "explorer worker failed", e);
            state.stop("a worker failed: " + e);
            queue.close();
        }
    }

    /** Explores one subtree; returns false if the search must stop. */
    private boolean explore(DfsPolicy policy, WorkItem item) {
        policy.start(item);
        do {
            if (!state.mayContinue()) {
                return false;
            }
            policy.reset();
            RunDriver.Result r = driver.run(policy, state.deadlineNanos());
            state.runs.increment();
            if (r.outOfTime()) {
                state.outOfTime();
                return false;
            }
            if (r.skipReason() != null) {
                state.countSchedule();
                state.skipped(r.skipReason());
                return false;
            }
            if (r.failure() != null) {
                state.countSchedule();
                state.offer(Found.of(r.failure(), policy, driver.scenario().name(),
                        options.describeStrategy(), r.steps(),
                        discoveries.getAndIncrement()));
            } else if (policy.pruned()) {
                state.pruned.increment();
            } else {
                state.countSchedule();
            }
            if (queue.hungry()) {
                WorkItem split = policy.donate();
                if (split != null) {
                    queue.give(split);
                }
            }
            boolean more = policy.backtrack();
            state.pruned.add(policy.takePrunedCount());
            if (!more) {
                return true;
            }
        } while (true);
    }
}
