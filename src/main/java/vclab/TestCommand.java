package vclab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import vclab.vtc.UnavailableVarnishExecutor;
import vclab.vtc.VarnishExecutor;
import vclab.vtc.VtcMain;

/**
 * {@code vclab test FILE.vtc...}: replays varnishtest scripts in-process, in virtual time,
 * with varnishtest's options, output and exit codes.
 */
@Command(name = "test", description = "Run VTC scripts like varnishtest, in virtual time.",
        usageHelpAutoWidth = true)
public final class TestCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        VtcMain main = new VtcMain(System.out, System.err, System.getenv(),
                Path.of("").toAbsolutePath(), executorFactory());
        return main.run("vclab test", args);
    }

    /** Returns the first varnish executor factory on the class path, or the unavailable one. */
    static VarnishExecutor.Factory executorFactory() {
        for (VarnishExecutor.Factory f : ServiceLoader.load(VarnishExecutor.Factory.class)) {
            return f;
        }
        return ctx -> new UnavailableVarnishExecutor();
    }
}
