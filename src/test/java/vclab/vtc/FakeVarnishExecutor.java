package vclab.vtc;

import java.util.List;
import vclab.vcl.VslLog;

/**
 * A stand-in for the model of varnishd in tests. {@code varnish vNAME -start} publishes a log
 * for the instance; {@code -log VXID TAG PAYLOAD} writes a record to it; {@code -probe sNAME}
 * logs what a probe to that server gets.
 */
final class FakeVarnishExecutor implements VarnishExecutor {

    @Override
    public void execute(VtcContext ctx, List<String> args, SourcePos pos) {
        String name = args.get(0);
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-start" -> {
                    ctx.vslLogs().publish(name, new VslLog(ctx.scheduler(), 100));
                    ctx.defineMacro(name, name + "_name", ctx.tmpdir().resolve(name).toString());
                }
                case "-log" -> {
                    VslLog log = ctx.vslLogs().find(name);
                    log.write(Long.parseLong(args.get(i + 1)), args.get(i + 2), '-',
                            args.get(i + 3));
                    i += 3;
                }
                case "-options" -> ctx.log(3, name, "params " + ctx.options().varnishdParams()
                        + " model " + ctx.options().model() + " strict "
                        + ctx.options().strict());
                case "-probe" -> {
                    VtcServer s = ctx.servers().find(args.get(i + 1));
                    ctx.log(3, name, "probe " + s.name() + ": " + s.probe());
                    i++;
                }
                default -> throw ctx.fail(name, "Unknown varnish argument: " + args.get(i));
            }
        }
    }

    @Override
    public void reset(VtcContext ctx) {
    }
}
