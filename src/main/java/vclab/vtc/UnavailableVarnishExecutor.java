package vclab.vtc;

import java.util.List;

/** The executor used until a model of varnishd is plugged in: every use fails the test. */
public final class UnavailableVarnishExecutor implements VarnishExecutor {

    @Override
    public void execute(VtcContext ctx, List<String> args, SourcePos pos) {
        String id = args.isEmpty() ? "top" : args.get(0);
        ctx.fail(id, "varnish: not available yet");
    }

    @Override
    public void reset(VtcContext ctx) {
    }
}
