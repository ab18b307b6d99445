package vclab.explore;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one line a second about a running search: schedules of the current pass (as the
 * final summary counts them), rate, pruned, failures.
 */
final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final SearchState state;
    private final Thread thread;
    private volatile boolean running = true;

    private Progress(PrintStream out, SearchState state) {
        this.out = out;
        this.state = state;
        this.thread = new Thread(this::loop, "vclab-explore-progress");
        thread.setDaemon(true);
    }

    /** Starts printing to {@code out}, or returns a no-op if {@code out} is null. */
    static Progress start(PrintStream out, SearchState state) {
        Progress p = new Progress(out, state);
        if (out != null) {
            p.thread.start();
        }
        return p;
    }

    private void loop() {
        long lastRuns = 0;
        long lastNanos = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long runs = state.runs.sum();
            long now = System.nanoTime();
            double rate = (runs - lastRuns) / ((now - lastNanos) / 1e9);
            lastRuns = runs;
            lastNanos = now;
            if (running) {
                out.println(line(state, rate));
            }
        }
    }

    static String line(SearchState state, double rate) {
        String bound = state.bound() < 0 ? "" : "bound " + state.bound() + ", ";
        return String.format(Locale.ROOT,
                "explore: %.0fs, %s%d schedules (%.0f runs/s), %d pruned, %d failures",
                state.seconds(), bound, state.passSchedules.sum(), rate, state.pruned.sum(),
                state.failures.sum());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
