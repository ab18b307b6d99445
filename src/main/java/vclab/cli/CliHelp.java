package vclab.cli;

import java.util.List;

/**
 * The {@code help} command as varnishd's CLI library answers it: a listing of the server's
 * table, or one command's syntax and help line. Only commands the session may use are listed,
 * and entries marked hidden are left out of every listing.
 */
public final class CliHelp {
    private static final int PLAIN = 1;
    private static final int DEBUG = 2;

    private CliHelp() {
    }

    /**
     * {@code help} (non-debug commands), {@code help -a} (all), {@code help -d} (debug only)
     * and {@code help <command>}; an unknown flag is 101 {@code Unknown flag}, an unknown
     * command 101 with the "Unknown request" text.
     */
    public static void help(CliCall call) {
        CliOutput out = call.out();
        List<String> args = call.args();
        int filter = PLAIN;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            switch (args.get(i)) {
                case "-a" -> filter = PLAIN | DEBUG;
                case "-d" -> filter = DEBUG;
                default -> {
                    out.print("Unknown flag\n");
                    out.setStatus(CliStatus.UNKNOWN);
                    return;
                }
            }
        }
        String topic = i < args.size() ? args.get(i) : null;
        List<CliCommand> visible = call.table().visible(call.session().isAuthenticated());
        for (CliCommand command : visible) {
            if (topic != null && command.name().equals(topic)) {
                out.print(command.syntax() + "\n" + command.help() + "\n");
                return;
            }
            if (topic == null && !command.hidden()) {
                int kind = command.isDebug() ? DEBUG : PLAIN;
                if ((filter & kind) != 0) {
                    out.print(command.syntax() + "\n");
                }
            }
        }
        if (topic != null) {
            out.print(CliOutput.UNKNOWN_REQUEST);
            out.setStatus(CliStatus.UNKNOWN);
        }
    }

    /** {@code help -j}: every listed command as a JSON object; further arguments are ignored. */
    public static void helpJson(CliCall call) {
        CliOutput out = call.out();
        call.jsonBegin(2);
        for (CliCommand command : call.table().visible(call.session().isAuthenticated())) {
            if (command.hidden()) {
                continue;
            }
            out.print(",\n  {\n");
            out.indent(2);
            out.print("\"request\": ");
            out.jsonString(command.name());
            out.print(",\n");
            out.print("\"syntax\": ");
            out.jsonString(command.syntax());
            out.print(",\n");
            out.print("\"help\": ");
            out.jsonString(command.help());
            out.print(",\n");
            out.print("\"minarg\": " + command.minArgs());
            out.print(",\n");
            out.print("\"maxarg\": " + command.maxArgs());
            out.print(",\n");
            out.print("\"flags\": ");
            out.jsonString(command.flags());
            out.print(",\n");
            out.print("\"json\": " + command.json());
            out.print("\n");
            out.indent(-2);
            out.print("}");
        }
        call.out().jsonEnd();
    }
}
