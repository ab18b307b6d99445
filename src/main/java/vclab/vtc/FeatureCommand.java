package vclab.vtc;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code feature NAME...}: skips the test when this machine lacks a feature (or has one named
 * with {@code !}). Every feature is evaluated on this machine; the build options of varnishd
 * (sanitizers, persistent storage, coverage) are absent, as in Debian's build.
 */
final class FeatureCommand {
    private static final Set<String> BUILD_OPTIONS = Set.of("persistent_storage", "coverage",
            "asan", "msan", "tsan", "ubsan", "sanitizer", "workspace_emulator");

    private FeatureCommand() {
    }

    static void run(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        List<String> args = call.args();
        for (int i = 1; i < args.size(); i++) {
            String feature = args.get(i);
            boolean negated = feature.startsWith("!");
            if (negated) {
                feature = feature.substring(1);
            }
            boolean present;
            if (feature.equals("cmd")) {
                i++;
                if (i >= args.size()) {
                    throw ctx.fail(call.id(), "Missing the command-line");
                }
                ShellCommand.Result r = ShellCommand.execute(ctx, args.get(i));
                ctx.diag(r.output());
                present = r.exitCode() == 0;
            } else if (feature.equals("ignore_unknown_macro")) {
                ctx.macros().ignoreUnknown();
                continue;
            } else {
                Boolean p = evaluate(ctx, feature);
                if (p == null) {
                    throw ctx.fail(call.id(), "FAIL test, unknown feature: " + feature);
                }
                present = p;
            }
            if (present != negated) {
                continue;
            }
            ctx.markSkipped();
            ctx.log(1, call.id(), (negated ? "SKIPPING test, conflicting feature: "
                    : "SKIPPING test, lacking feature: ") + feature);
            return;
        }
    }

    /** Returns whether this machine has the feature, or null for an unknown name. */
    static Boolean evaluate(VtcContext ctx, String feature) {
        switch (feature) {
            case "ipv4":
                return canBind("127.0.0.1");
            case "ipv6":
                return canBind("::1");
            case "64bit":
                return "64".equals(System.getProperty("sun.arch.data.model"));
            case "disable_aslr":
                return ShellCommand.execute(ctx,
                        "exec setarch \"$(uname -m)\" --addr-no-randomize true 2>/dev/null")
                        .exitCode() == 0;
            case "dns":
                return external(ctx, FeatureCommand::dnsWorks);
            case "topbuild":
                return ctx.options().inTree();
            case "root":
                return isRoot();
            case "user_varnish":
                return nameExists(ctx, "passwd", "varnish");
            case "user_vcache":
                return nameExists(ctx, "passwd", "vcache");
            case "group_varnish":
                return nameExists(ctx, "group", "varnish");
            default:
                return BUILD_OPTIONS.contains(feature) ? Boolean.FALSE : null;
        }
    }

    private static boolean canBind(String address) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns true if the canary name resolves to 192.0.2.255 only, with no IPv6 address. */
    private static boolean dnsWorks() {
        try {
            InetAddress[] all = InetAddress.getAllByName("dns-canary.varnish-cache.org");
            boolean v4 = false;
            for (InetAddress a : all) {
                if (a instanceof Inet6Address) {
                    return false;
                }
                if (a instanceof Inet4Address && a.getHostAddress().equals("192.0.2.255")) {
                    v4 = true;
                }
            }
            return v4;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Looks the name up with getent, which queries every name service, as getpwnam does. */
    private static boolean nameExists(VtcContext ctx, String database, String name) {
        return ShellCommand.execute(ctx, "exec getent " + database + " " + name
                + " >/dev/null 2>&1").exitCode() == 0;
    }

    private static boolean external(VtcContext ctx, java.util.concurrent.Callable<Boolean> c) {
        try {
            return ctx.scheduler().external("feature", c);
        } catch (Exception e) {
            return false;
        }
    }
}
