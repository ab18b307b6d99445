package vclab.vtc;

import java.util.ArrayList;
import java.util.List;

/**
 * The servers of a test in creation order, and the {@code server} command. The varnish
 * executor reads it for {@code -vcl+backend} and for what its probes get.
 */
public final class ServerRegistry {
    private final List<VtcServer> servers = new ArrayList<>();

    /** Returns every server, in creation order. */
    public List<VtcServer> all() {
        return List.copyOf(servers);
    }

    /** Returns the server, or null. */
    public VtcServer find(String name) {
        for (VtcServer s : servers) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Returns the backend declarations that {@code -vcl+backend} puts before the VCL: one line
     * per server, each ending in a newline.
     */
    public String backendDeclarations() {
        StringBuilder sb = new StringBuilder();
        for (VtcServer s : servers) {
            if (s.isUnix()) {
                sb.append("backend ").append(s.name).append(" { .path = \"").append(s.listen)
                        .append("\"; }\n");
            } else {
                sb.append("backend ").append(s.name).append(" { .host = \"").append(s.addr)
                        .append("\"; .port = \"").append(s.port).append("\"; }\n");
            }
        }
        return sb.toString();
    }

    /** {@code server sNAME [-listen A] [-repeat N] [-keepalive] [SPEC] [-start|-wait|...]} */
    static void command(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        ServerRegistry registry = ctx.servers();
        String name = call.arg(1);
        VtcServer s = registry.find(name);
        if (s == null) {
            if (!name.startsWith("s")) {
                throw ctx.fail(call.id(), "Server name must start with 's' (got " + name + ")");
            }
            s = new VtcServer(name, ctx.macro("listen_addr"));
            registry.servers.add(s);
        }
        List<String> args = call.args();
        for (int i = 2; i < args.size(); i++) {
            if (ctx.isFailed()) {
                break;
            }
            String a = args.get(i);
            if (a.equals("-wait")) {
                if (!s.isStarted()) {
                    throw ctx.fail(name, "Server not -started");
                }
                ServerThreads.await(ctx, s);
                continue;
            }
            if (a.equals("-break")) {
                ServerThreads.breakServer(ctx, s);
                continue;
            }
            if (s.isStarted()) {
                ServerThreads.await(ctx, s);
            }
            i = option(call, s, args, i);
        }
    }

    /** Handles one option other than -wait and -break; returns the index of its last word. */
    private static int option(CommandHandler.Invocation call, VtcServer s, List<String> args,
            int i) {
        VtcContext ctx = call.ctx();
        String a = args.get(i);
        switch (a) {
            case "-rcvbuf", "-repeat", "-listen" -> {
                if (i + 1 >= args.size()) {
                    throw call.missingArgument("Sess_GetOpt", "vtc_sess.c",
                            a.equals("-rcvbuf") ? 88 : 93, "(av[1]) != 0");
                }
                if (a.equals("-repeat")) {
                    s.repeat = ShellCommand.atoi(args.get(i + 1));
                } else if (a.equals("-listen")) {
                    s.closeSocket();
                    s.listen = args.get(i + 1);
                }
                return i + 1;
            }
            case "-keepalive" -> s.keepalive = true;
            case "-start" -> ServerThreads.start(ctx, call.interpreter(), s);
            case "-dispatch" -> {
                if (!s.name.equals("s0")) {
                    throw ctx.fail(s.name, "server -dispatch only works on s0");
                }
                ServerThreads.dispatch(ctx, s);
            }
            default -> {
                if (a.startsWith("-")) {
                    throw ctx.fail(s.name, "Unknown server argument: " + a);
                }
                s.spec = a;
            }
        }
        return i;
    }

    /** End of test: stops every running server and closes every socket. */
    void reset(VtcContext ctx) {
        for (VtcServer s : servers) {
            if (s.isStarted()) {
                s.cancelled = true;
                ServerThreads.await(ctx, s);
            }
            s.closeSocket();
            ctx.macros().remove(s.name + "_addr");
            ctx.macros().remove(s.name + "_port");
            ctx.macros().remove(s.name + "_sock");
        }
    }

    void releaseAll() {
        servers.forEach(VtcServer::closeSocket);
    }
}
