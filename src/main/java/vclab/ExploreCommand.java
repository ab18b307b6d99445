package vclab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vclab.explore.ExploreOptions;
import vclab.explore.ExploreReport;
import vclab.explore.Explorer;
import vclab.explore.ReportWriters;
import vclab.explore.Scenario;
import vclab.explore.ScenarioFactory;
import vclab.model.Models;

/**
 * {@code vclab explore FILE.vtc}: searches the interleavings of a script for a schedule that
 * breaks an invariant, panics the child, deadlocks, livelocks, times out or fails the
 * script, and writes the simplest such schedule for {@code vclab test --schedule}.
 * Exit status: 0 no failure found, 1 failure found, 2 invalid input, 70 internal error, 77
 * the script was skipped (it uses what vclab does not model, as {@code vclab test} reports).
 */
@Command(name = "explore", usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Search the interleavings of a VTC script for a failing schedule.")
public final class ExploreCommand implements Callable<Integer> {
    /**
     * The highest --workers value. Each worker runs its scenario's simulated threads, so
     * thousands of workers exhaust the native threads of the process.
     */
    static final int MAX_WORKERS = 64;

    /** The source of scenarios for .vtc files: the VTC runner with simulated varnishds. */
    static final ScenarioFactory VTC_SCENARIOS =
            new vclab.vtc.VtcScenarioFactory(TestCommand.executorFactory());

    @Parameters(index = "0", paramLabel = "FILE.vtc", description = "The script to explore.")
    Path file;

    @Option(names = "--model", paramLabel = "M",
            description = "Varnish model to run under: v7.4, v7.5, v7.6, v7.7, pr4205, b9a2040"
                    + " or v8.0 (default: the script's).")
    String model;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "dfs",
            description = "dfs (exhaustive within the bound), random or pct"
                    + " (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--bound", paramLabel = "N", defaultValue = "2",
            description = "Maximum preemptions per schedule for dfs; bounds 0 to N are searched"
                    + " in turn (default: ${DEFAULT-VALUE}).")
    int bound;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of random and pct (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "3",
            description = "Bug depth for pct: N - 1 priority change points per run"
                    + " (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--max-schedules", paramLabel = "N",
            description = "Stop after N schedules, at least 1 (default: no limit for dfs,"
                    + " 10000 for random and pct).")
    Long maxSchedules;

    @Option(names = "--max-seconds", paramLabel = "S",
            description = "Stop after S seconds of wall-clock time, S above 0. A run still"
                    + " going then is stopped too (default: no limit).")
    Double maxSeconds;

    @Option(names = "--workers", paramLabel = "N",
            description = "Java threads exploring at once, 1 to " + MAX_WORKERS
                    + " (default: up to 2, one per core).")
    Integer workers;

    @Option(names = "--spin-limit", paramLabel = "N", defaultValue = "10000",
            description = "Steps one thread may take at one virtual instant before the run"
                    + " counts as a livelock. All threads together may take "
                    + ExploreOptions.INSTANT_STEPS_PER_SPIN_LIMIT + " times as many"
                    + " (default: ${DEFAULT-VALUE}).")
    long spinLimit;

    @Option(names = "--no-reduction",
            description = "Explore every interleaving, also those that only reorder independent"
                    + " steps.")
    boolean noReduction;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write the report as JUnit XML.")
    Path junit;

    @Option(names = "--schedule-out", paramLabel = "FILE",
            description = "Where to write a failing schedule (default: the script's name with"
                    + " .schedule in place of .vtc, in the current directory).")
    Path scheduleOut;

    @Option(names = "--quiet", description = "Print no progress lines on standard error.")
    boolean quiet;

    private final ScenarioFactory factory;
    private final PrintStream out;
    private final PrintStream err;

    public ExploreCommand() {
        this(VTC_SCENARIOS, System.out, System.err);
    }

    /** Builds the command with its own scenario source and output streams, for embedding. */
    public ExploreCommand(ScenarioFactory factory, PrintStream out, PrintStream err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command. Whatever goes wrong, the user gets one line on standard error and no
     * stack trace: exit 2 for invalid input, 70 for an internal error.
     */
    @Override
    public Integer call() {
        try {
            return explore();
        } catch (Throwable e) {
            err.println("vclab explore: internal error: " + e);
            return 70;
        }
    }

    private int explore() {
        ExploreOptions options;
        Scenario scenario;
        try {
            options = options();
            scenario = scenario();
        } catch (InvalidOptionException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException | UnsupportedOperationException | IOException e) {
            err.println("vclab explore: " + e.getMessage());
            return 2;
        }
        ExploreReport report = new Explorer(scenario, options).explore();
        try {
            return finish(report);
        } catch (IOException e) {
            err.println("vclab explore: cannot write " + e.getMessage());
            return 2;
        }
    }

    /** An option value out of its range, with picocli's message for an invalid value. */
    private static final class InvalidOptionException extends RuntimeException {
        InvalidOptionException(String option, Object value, String expected) {
            super("Invalid value for option '" + option + "': " + value + " is out of range;"
                    + " expected " + expected);
        }
    }

    private ExploreOptions options() {
        ExploreOptions o = new ExploreOptions();
        try {
            o.strategy = ExploreOptions.Strategy.valueOf(strategy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid --strategy '" + strategy
                    + "'; use dfs, random or pct");
        }
        requireAtLeast("--bound", bound, 0);
        requireAtLeast("--depth", depth, 1);
        requireAtLeast("--spin-limit", spinLimit, 1);
        o.bound = bound;
        o.seed = seed;
        o.depth = depth;
        if (maxSchedules != null) {
            requireAtLeast("--max-schedules", maxSchedules, 1);
            o.maxSchedules = maxSchedules;
        }
        if (maxSeconds != null) {
            if (!(maxSeconds > 0) || maxSeconds.isInfinite()) {
                throw new InvalidOptionException("--max-seconds", number(maxSeconds),
                        "a number of seconds above 0");
            }
            o.maxSeconds = maxSeconds;
        }
        o.spinLimit = spinLimit;
        o.partialOrderReduction = !noReduction;
        if (workers != null) {
            if (workers < 1 || workers > MAX_WORKERS) {
                throw new InvalidOptionException("--workers", workers,
                        "1 to " + MAX_WORKERS);
            }
            o.workers = workers;
        }
        o.progress = quiet ? null : err;
        return o;
    }

    /** Formats a number as the user most likely typed it: "0", not "0.0". */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new InvalidOptionException(option, value, "at least " + min);
        }
    }

    private Scenario scenario() throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": it is a directory;"
                    + " explore takes one script file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": no such file");
        }
        String modelId = model == null ? null : Models.byId(model).id();
        return factory.create(file, modelId);
    }

    private int finish(ExploreReport report) throws IOException {
        if (json != null) {
            ReportWriters.writeJson(report, json);
        }
        if (junit != null) {
            ReportWriters.writeJunit(report, junit);
        }
        if (report.skipped()) {
            out.println(ReportWriters.summary(report));
            return 77;
        }
        if (!report.failed()) {
            out.println(ReportWriters.summary(report));
            return 0;
        }
        Path target = scheduleOut != null ? scheduleOut : defaultScheduleFile();
        report.schedule().write(target);
        out.print(report.story());
        out.println();
        for (String w : report.warnings()) {
            out.println("warning: " + w);
        }
        out.println(ReportWriters.summary(report));
        out.println("schedule written to " + target + "; replay it with: vclab test "
                + (model == null ? "" : "--model " + model + " ") + file + " --schedule "
                + target);
        return 1;
    }

    private Path defaultScheduleFile() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + ".schedule");
    }
}
