package vclab.cli.adm;

import java.util.ArrayList;
import java.util.List;

/**
 * varnishadm's command line, parsed as GNU getopt does with the option string
 * {@code +hn:pS:T:t:}: short options only, clusters such as {@code -pT addr} or
 * {@code -T127.0.0.1:6082}, and parsing stops at the first word that is not an option (the
 * {@code +}), at a lone {@code -}, or after {@code --}.
 *
 * @param name the {@code -n} argument (work directory or instance name), or null
 * @param rawHeaders {@code -p}: print each reply's header line, and use pass mode
 * @param secretFile the {@code -S} argument, or null
 * @param address the {@code -T} argument, or null
 * @param timeout the {@code -t} argument as given, or null
 * @param command the words after the options; empty for interactive or pass mode
 */
public record AdmOptions(String name, boolean rawHeaders, String secretFile, String address,
        String timeout, List<String> command) {

    /** varnishadm's option string, which {@code --optstring} prints. */
    public static final String OPTSTRING = "hn:pS:T:t:";

    public AdmOptions {
        command = List.copyOf(command);
    }

    /**
     * The outcome of parsing: options, or a request to print the usage and exit.
     *
     * @param options the options, or null when the usage is to be printed
     * @param diagnostic getopt's message for a bad option (without program name), or null
     * @param exitCode the exit code after the usage: 0 for {@code -h}, 1 for an error
     */
    public record Parsed(AdmOptions options, String diagnostic, int exitCode) {
        static Parsed usage(String diagnostic, int exitCode) {
            return new Parsed(null, diagnostic, exitCode);
        }
    }

    /** Parses the arguments after the program name. */
    public static Parsed parse(List<String> args) {
        String name = null;
        boolean raw = false;
        String secret = null;
        String address = null;
        String timeout = null;
        int index = 0;

        while (index < args.size()) {
            String arg = args.get(index);
            if (arg.equals("--")) {
                index++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            index++;
            for (int at = 1; at < arg.length(); at++) {
                char option = arg.charAt(at);
                if (OPTSTRING.indexOf(option) < 0 || option == ':') {
                    return Parsed.usage("invalid option -- '" + option + "'", 1);
                }
                if (option == 'h') {
                    return Parsed.usage(null, 0);
                }
                if (option == 'p') {
                    raw = true;
                    continue;
                }
                String value;
                if (at + 1 < arg.length()) {
                    value = arg.substring(at + 1);
                } else if (index < args.size()) {
                    value = args.get(index++);
                } else {
                    return Parsed.usage("option requires an argument -- '" + option + "'", 1);
                }
                switch (option) {
                    case 'n' -> name = value;
                    case 'S' -> secret = value;
                    case 'T' -> address = value;
                    default -> timeout = value;
                }
                break;
            }
        }
        List<String> command = new ArrayList<>(args.subList(index, args.size()));
        return new Parsed(new AdmOptions(name, raw, secret, address, timeout, command), null, 0);
    }
}
