package vclab.model;

import java.util.ArrayList;
import java.util.HashMap;
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
import vclab.vcl.Params;
import vclab.vcl.Points;
import vclab.vcl.Reply;
import vclab.vcl.Varnishd;
import vclab.vcl.VclCode;
import vclab.vcl.VclCompiler;
import vclab.vcl.VclModel;

/** Runs a simulated varnishd with programs built in Java, without VCL source or a CLI. */
final class ModelHarness {
    static final class TestParams implements Params {
        final Map<String, Long> values = new HashMap<>(Map.of(
                "vcl_cooldown", 600_000_000_000L, "cli_timeout", 60_000_000_000L,
                "ping_interval", 3_000_000_000L, "max_vcl", 100L, "max_vcl_handling", 1L,
                "max_esi_depth", 5L, "nuke_limit", 50L));

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

    final Scheduler scheduler;
    final Varnishd vd;
    final TestParams params = new TestParams();
    final Injections injections = new Injections(Points.names());
    final Map<String, VclCode> programs = new HashMap<>();
    final List<String> replies = new ArrayList<>();

    ModelHarness(VclModel model) {
        Scheduler.Options o = new Scheduler.Options();
        o.epochMillis = 1_800_000_000_000L;
        o.injections = injections;
        o.virtualLimitNanos = 600_000_000_000L;
        scheduler = new Scheduler(o);
        Varnishd.Config c = new Varnishd.Config();
        c.model = model;
        c.dialect = Dialect.TRUNK;
        c.params = params;
        c.compiler = (sourceName, source, labels) -> {
            VclCode code = programs.get(sourceName);
            return code == null ? new VclCompiler.Result(null, "no program " + sourceName + "\n")
                    : new VclCompiler.Result(code, "");
        };
        c.cliSupport = ModelHarness::childCommand;
        vd = new Varnishd(scheduler, c);
        vd.trace.enable();
    }

    /** The child's internal commands, without the CLI layer's dispatcher. */
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

    /** Runs {@code script} as the main simulated thread after starting the manager. */
    SimResult run(Consumer<ModelHarness> script) {
        return scheduler.run("top", () -> {
            vd.start();
            script.accept(this);
        });
    }

    Reply load(String name, String program) {
        Reply r = vd.call(m -> m.vcls().load(name, program, null, null));
        replies.add("vcl.load " + name + " -> " + r.status() + " " + r.body());
        return r;
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

    Reply panicShow() {
        return vd.call(m -> m.panicShow());
    }

    List<String> traceLines(Set<String> kinds) {
        List<String> out = new ArrayList<>();
        for (var e : vd.trace.events()) {
            if (kinds.contains(e.kind()) && e.event() != null && e.event().matches("[A-Z]+")) {
                out.add(e.kind() + " " + e.vcl() + " " + e.target() + " " + e.event());
            }
        }
        return out;
    }
}
