package vclab.vtc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code vclab test}: varnishtest's short options, parsed like glibc's
 * getopt with the string {@code b:CD:hij:kLln:p:qt:v} (options may follow file names), and
 * vclab's long options.
 */
final class VtcArgs {
    /** Thrown for {@code -h}, an unknown option or a missing value: print the usage, exit 1. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown for an invalid value that varnishtest rejects with exit code 2. */
    static final class BadValueException extends Exception {
        private static final long serialVersionUID = 1L;

        BadValueException(String message) {
            super(message, null, false, false);
        }
    }

    long bufferSize = 1024 * 1024;
    boolean cleaner;
    final Map<String, String> defines = new LinkedHashMap<>();
    boolean inTree;
    int jobs = 1;
    boolean keepGoing;
    int leaveTemp;
    int iterations = 1;
    final List<String> params = new ArrayList<>();
    int verbosity = 1;
    Integer timeout;
    boolean realtime;
    boolean strict;
    String model;
    String trace;
    String schedule;
    final List<String> files = new ArrayList<>();

    static VtcArgs parse(List<String> args) throws UsageException, BadValueException {
        VtcArgs a = new VtcArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                a.files.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.startsWith("--")) {
                i = a.longOption(args, i);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = a.shortOptions(args, i);
            } else {
                a.files.add(arg);
            }
        }
        return a;
    }

    private int longOption(List<String> args, int i) throws UsageException {
        String arg = args.get(i);
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (eq > 0) {
            name = arg.substring(0, eq);
            value = arg.substring(eq + 1);
        }
        switch (name) {
            case "--realtime" -> realtime = true;
            case "--strict" -> strict = true;
            case "--model", "--trace", "--schedule" -> {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + name + " requires a value");
                    }
                    value = args.get(++i);
                }
                switch (name) {
                    case "--model" -> model = value;
                    case "--trace" -> trace = value;
                    default -> schedule = value;
                }
            }
            default -> throw new UsageException("unknown option " + name);
        }
        return i;
    }

    private int shortOptions(List<String> args, int i) throws UsageException, BadValueException {
        String arg = args.get(i);
        for (int k = 1; k < arg.length(); k++) {
            char c = arg.charAt(k);
            if ("bDjnpt".indexOf(c) >= 0) {
                String value;
                if (k + 1 < arg.length()) {
                    value = arg.substring(k + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option requires an argument -- '" + c + "'");
                }
                withValue(c, value);
                return i;
            }
            flag(c);
        }
        return i;
    }

    private void flag(char c) throws UsageException {
        switch (c) {
            case 'C' -> cleaner = !cleaner;
            case 'i' -> inTree = true;
            case 'k' -> keepGoing = !keepGoing;
            case 'L' -> leaveTemp = 2;
            case 'l' -> leaveTemp = 1;
            case 'q' -> verbosity = Math.max(0, verbosity - 1);
            case 'v' -> verbosity = Math.min(2, verbosity + 1);
            default -> throw new UsageException("invalid option -- '" + c + "'");
        }
    }

    private void withValue(char c, String value) throws BadValueException {
        switch (c) {
            case 'b' -> bufferSize = parseBytes(value);
            case 'D' -> {
                int eq = value.indexOf('=');
                if (eq < 0) {
                    throw new BadValueException("Cannot parse D opt '" + value + "'");
                }
                defines.put(value.substring(0, eq), value.substring(eq + 1));
            }
            case 'j' -> jobs = (int) Math.max(1, Math.min(256, Interpreter.parseUnsigned(value)));
            case 'n' -> iterations = parsePositive(c, value);
            case 'p' -> params.add(value);
            default -> timeout = parsePositive(c, value);
        }
    }

    /**
     * Parses the value of {@code -n} or {@code -t} like strtoul with base 0 (decimal,
     * {@code 0x} hexadecimal or {@code 0} octal) and requires at least 1; larger values than
     * {@link Integer#MAX_VALUE} are capped. varnishtest 7.1.1 reads junk as 0, which means no
     * time limit for {@code -t} and an assertion failure for {@code -n}, so vclab rejects
     * what strtoul would not read whole.
     */
    private static int parsePositive(char option, String value) throws BadValueException {
        if (!value.matches("[1-9][0-9]*|0[0-7]*|0[xX][0-9a-fA-F]+")) {
            throw new BadValueException("Cannot parse " + option + " opt '" + value
                    + "': expected a positive integer");
        }
        long n = Interpreter.parseUnsigned(value);
        if (n < 1) {
            throw new BadValueException("Invalid " + option + " opt '" + value
                    + "': expected a positive integer");
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** Parses a byte count like Varnish's VNUM_2bytes: a number with an optional b/k/m/g/t/p. */
    private static long parseBytes(String value) throws BadValueException {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\s*(\\d+(?:\\.\\d*)?)\\s*([bBkKmMgGtTpP]?)[bB]?\\s*").matcher(value);
        if (!m.matches()) {
            throw new BadValueException("Cannot parse b opt '" + value + "'");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            case "p" -> 50;
            default -> 0;
        };
        if (shift == 0 && m.group(1).contains(".")) {
            throw new BadValueException("Cannot parse b opt '" + value + "'");
        }
        double bytes = n * Math.pow(2, shift);
        if (bytes > 0xffffffffL) {
            throw new BadValueException("Invalid b opt '" + value + "'");
        }
        return (long) bytes;
    }

    /** Returns varnishtest's usage text for the program name {@code argv0}. */
    static String usage(String argv0) {
        String fmt = "    %-28s # %s%n";
        StringBuilder sb = new StringBuilder("usage: " + argv0 + " [options] file ...\n");
        String[][] rows = {
            {"-b size", "Set internal buffer size (default: 1M)"},
            {"-C", "Use cleaner subprocess"},
            {"-D name=val", "Define macro"},
            {"-i", "Find varnish binaries in build tree"},
            {"-j jobs", "Run this many tests in parallel"},
            {"-k", "Continue on test failure"},
            {"-L", "Always leave temporary vtc.*"},
            {"-l", "Leave temporary vtc.* if test fails"},
            {"-n iterations", "Run tests this many times"},
            {"-p name=val", "Pass a varnishd parameter"},
            {"-q", "Quiet mode: report only failures"},
            {"-t duration", "Time tests out after this long"},
            {"-v", "Verbose mode: always report test log"},
        };
        for (String[] r : rows) {
            sb.append(String.format(fmt, r[0], r[1]));
        }
        sb.append("vclab options (long options only):\n");
        sb.append(String.format(fmt, "--realtime", "Map virtual time onto the wall clock"));
        sb.append(String.format(fmt, "--model M", "Varnish model to simulate"));
        sb.append(String.format(fmt, "--trace FILE", "Write an event trace to FILE"));
        sb.append(String.format(fmt, "--schedule FILE",
                "Replay the schedule in FILE, from vclab explore (one script)"));
        sb.append(String.format(fmt, "--strict",
                "Fail, not skip, tests with commands vclab does not model"));
        sb.append("A directory given as a file stands for the .vtc files below it.\n");
        return sb.toString();
    }
}
