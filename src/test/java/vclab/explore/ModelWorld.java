package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vclab.cli.CliTokenizer;
import vclab.cli.Dialect;
import vclab.sched.Injections;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;
import vclab.vcl.Child;
import vclab.vcl.CliSupport;
import vclab.vcl.Params;
import vclab.vcl.Points;
import vclab.vcl.Reply;
import vclab.vcl.Trace;
import vclab.vcl.Varnishd;
import vclab.vcl.VclCode;
import vclab.vcl.VclCompiler;
import vclab.vcl.VclModel;

/**
 * One run of a simulated varnishd driven by programs built in Java, without VCL source or a
 * CLI; a copy of the model tests' harness that takes the explorer's scheduler options.
 */
final class ModelWorld {
    /** Parameters of every run; immutable, so one instance serves all runs. */
    static final class TestParams implements Params {
        final Map<String, Long> values = Map.of(
                "vcl_cooldown", 600_000_000_000L, "cli_timeout", 60_000_000_000L,
                "ping_interval", 3_000_000_000L, "max_vcl", 100L, "max_vcl_handling", 1L,
                "max_esi_depth", 5L, "nuke_limit", 50L);

        @Override
        public long durationNanos(String name) {
            return values.get(name);
        }

        @Override
        public long uint(String name) {
            return values.get(name);
        }

        @Override
        public long bytes(String name) {
            return values.get(name);
        }

        @Override
        public boolean bool(String name) {
            return false;
        }

        @Override
        public boolean bit(String name, String bit) {
            return name.equals("debug") && bit.equals("vtc_mode");
        }
    }

    /** A scenario that builds a {@link ModelWorld} per run and runs {@code script} in it. */
    static Scenario scenario(String name, VclModel model, Map<String, VclCode> programs,
            Consumer<ModelWorld> setup, Consumer<ModelWorld> script) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ScenarioOutcome run(Scheduler.Options options, Consumer<Trace.Event> trace) {
                ModelWorld w = new ModelWorld(model, programs, options);
                if (trace != null) {
                    w.vd.trace.addListener(trace);
                }
                setup.accept(w);
                SimResult r = w.scheduler.run("top", () -> {
                    w.vd.start();
                    script.accept(w);
                });
                return new ScenarioOutcome(r, w.vd.invariantViolations(),
                        w.vd.firstPanic(), w.failures);
            }
        };
    }

    private static final TestParams PARAMS = new TestParams();
    private static final Set<String> POINT_NAMES = Points.names();

    final Scheduler scheduler;
    final Varnishd vd;
    final Injections injections = new Injections(POINT_NAMES);
    final List<String> failures = new ArrayList<>();

    ModelWorld(VclModel model, Map<String, VclCode> programs, Scheduler.Options options) {
        options.epochMillis = 1_800_000_000_000L;
        options.injections = injections;
        if (options.virtualLimitNanos < 0) {
            options.virtualLimitNanos = 600_000_000_000L;
        }
        scheduler = new Scheduler(options);
        Varnishd.Config c = new Varnishd.Config();
        c.model = model;
        c.dialect = Dialect.TRUNK;
        c.params = PARAMS;
        c.compiler = (sourceName, source, labels) -> {
            VclCode code = programs.get(sourceName);
            return code == null ? new VclCompiler.Result(null, "no program " + sourceName + "\n")
                    : new VclCompiler.Result(code, "");
        };
        c.cliSupport = ModelWorld::childCommand;
        vd = new Varnishd(scheduler, c);
    }

    /** The child's side of the vcl.* commands the manager sends, without a CLI table. */
    private static Reply childCommand(Child child, String line) {
        List<String> a = CliTokenizer.tokenize(line, Dialect.TRUNK).words();
        return switch (a.get(0)) {
            case "vcl.load" -> child.cli().vclLoad(a.get(1), a.get(2), a.get(3));
            case "vcl.state" -> child.cli().vclState(a.get(1), a.get(2));
            case "vcl.use" -> child.cli().vclUse(a.get(1));
            case "vcl.discard" -> child.cli().vclDiscard(a.get(1));
            case "vcl.label" -> child.cli().vclLabel(a.get(1), a.get(2));
            case "start" -> child.cli().start();
            case "ping" -> Reply.ok("PONG 0 1.0");
            default -> new Reply(101, "Unknown request.\nType 'help' for more info.\n");
        };
    }

    Reply load(String name, String program) {
        return vd.call(m -> m.vcls().load(name, program, null, null));
    }

    Reply use(String name) {
        return vd.call(m -> m.vcls().use(name));
    }

    Reply state(String name, String state) {
        return vd.call(m -> m.vcls().state(name, state));
    }

    Reply start() {
        return vd.call(m -> m.start());
    }

    /** Records a failed expectation of the script unless {@code reply} has {@code status}. */
    void expectStatus(String what, Reply reply, int status) {
        if (reply.status() != status) {
            failures.add(what + ": expected status " + status + ", got " + reply.status() + " "
                    + reply.body().strip());
        }
    }
}
