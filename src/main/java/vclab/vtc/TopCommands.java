package vclab.vtc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The command tables of a test: top-level commands and global commands. */
final class TopCommands {

    private TopCommands() {
    }

    /** Returns the top-level commands of one test. */
    static Map<String, CommandHandler> table(VarnishExecutor varnish, LogexpectCommand logexpects,
            VtcContext ctx) {
        Map<String, CommandHandler> t = new LinkedHashMap<>();
        t.put("varnishtest", BasicCommands::title);
        t.put("vtest", BasicCommands::title);
        t.put("feature", FeatureCommand::run);
        t.put("setenv", BasicCommands::setenv);
        t.put("filewrite", BasicCommands::filewrite);
        t.put("server", ServerRegistry::command);
        t.put("logexpect", logexpects::run);
        t.put("varnish", call -> {
            if (call.arg(1) == null) {
                throw call.missingArgument("cmd_varnish", "vtc_varnish.c", 1110,
                        "(av[0]) != 0");
            }
            varnish.execute(call.ctx(), call.args().subList(1, call.args().size()),
                    call.pos());
        });
        CommandHandler skip = SkipScanner.handler();
        for (String name : new String[] {"client", "process", "haproxy", "syslog", "tunnel",
            "vsm"}) {
            t.put(name, skip);
        }
        return t;
    }

    /** Returns the global commands, available in every context. */
    static Map<String, CommandHandler> globals(Map<String, CommandHandler> top) {
        Map<String, CommandHandler> g = new LinkedHashMap<>();
        g.put("barrier", BarrierRegistry::command);
        g.put("delay", BasicCommands::delay);
        g.put("shell", ShellCommand::run);
        g.put("include", call -> BasicCommands.include(call, top));
        return g;
    }
}
