package vclab.vmod;

import java.util.List;
import java.util.Locale;
import vclab.vrt.Director;
import vclab.vrt.VrtCtx;

/**
 * The parts of vmod_std that matter without HTTP traffic: logging, health, conversions and
 * string helpers. Functions that act on requests or objects have no effect here.
 */
public final class StdVmod implements Vmod {
    @Override
    public String name() {
        return "std";
    }

    @Override
    public Instance instantiate(VmodContext context) {
        return new Instance(context) {
            @Override
            public Object call(VrtCtx ctx, String name, List<Object> args,
                    List<Boolean> given) {
                return switch (name) {
                    case "integer" -> StdConversions.integer(ctx, args, given);
                    case "real" -> StdConversions.real(ctx, args, given);
                    case "duration" -> StdConversions.duration(ctx, args, given);
                    default -> call(ctx, name, args);
                };
            }

            @Override
            public Object call(VrtCtx ctx, String name, List<Object> args) {
                switch (name) {
                    case "log":
                        vc.log("VCL_Log", String.valueOf(args.isEmpty() ? "" : args.get(0)));
                        return null;
                    case "syslog", "timestamp", "collect", "set_ip_tos", "rollback",
                            "late_100_continue", "cache_req_body", "querysort":
                        return null;
                    case "healthy":
                        return vc.vrt().healthy((Director) args.get(0));
                    case "toupper":
                        return str(args).toUpperCase(Locale.ROOT);
                    case "tolower":
                        return str(args).toLowerCase(Locale.ROOT);
                    case "strstr": {
                        String a = str(args);
                        String b = String.valueOf(args.get(1));
                        int i = a.indexOf(b);
                        return i < 0 ? null : a.substring(i);
                    }
                    case "random": {
                        double lo = ((Number) args.get(0)).doubleValue();
                        double hi = ((Number) args.get(1)).doubleValue();
                        return (lo + hi) / 2;
                    }
                    case "port":
                        return 0L;
                    case "time":
                        return vc.scheduler().epochSeconds();
                    default:
                        ctx.fail("vclab does not simulate std." + name + "()");
                        return null;
                }
            }
        };
    }

    private static String str(List<Object> args) {
        return args.isEmpty() || args.get(0) == null ? "" : String.valueOf(args.get(0));
    }
}
