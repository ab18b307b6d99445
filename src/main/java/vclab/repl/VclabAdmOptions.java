package vclab.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * vclab's own options of {@code vclab adm}, taken out of the arguments before varnishadm's
 * getopt parses the rest. They are recognised only among the options, before the first
 * command word or {@code --}, so a command's arguments are never taken for them; and they
 * have long names, except {@code -b} and {@code -f}, which varnishadm does not use.
 * varnishadm's {@code -p} keeps its meaning, so a parameter is set with {@code --param}.
 *
 * <pre>
 * --model M            the Varnish model of the embedded varnishd (default: v8.0)
 * --param NAME=VALUE   a parameter at start, as varnishd -p (repeatable)
 * -b ADDR, --backend ADDR   the boot VCL's backend, as varnishd -b (default: none)
 * -f FILE, --vcl-file FILE  boot with this VCL file, as varnishd -f; -f '' boots without one
 * --dialect 7.1|8.0    the CLI output to reproduce (default: the model's)
 * --virtual-time       virtual time stands still between commands instead of following the
 *                      wall clock; a command's delays and timers still run, at once
 * --history FILE       the REPL's history file (default: ~/.vclab_history; '' for none)
 * </pre>
 *
 * @param model the {@code --model} value, or null
 * @param params the {@code --param} values, in order
 * @param backend the {@code -b} value, or null
 * @param vclFile the {@code -f} value, or null
 * @param dialect the {@code --dialect} value, or null
 * @param virtualTime whether {@code --virtual-time} was given
 * @param historyFile the REPL's history file, or null for none
 * @param admArgs the remaining arguments, for varnishadm's parser
 * @param error what was wrong with the options, or null
 */
public record VclabAdmOptions(String model, List<String> params, String backend, String vclFile,
        String dialect, boolean virtualTime, Path historyFile, List<String> admArgs,
        String error) {

    /** varnishadm's options that take a value, from its option string {@code hn:pS:T:t:}. */
    private static final String ADM_WITH_VALUE = "nSTt";

    public VclabAdmOptions {
        params = List.copyOf(params);
        admArgs = List.copyOf(admArgs);
    }

    /** Returns whether any option that sets up the embedded model was given. */
    public boolean configuresModel() {
        return model != null || !params.isEmpty() || backend != null || vclFile != null
                || dialect != null || virtualTime;
    }

    /** Takes vclab's options out of {@code vclab adm}'s arguments. */
    public static VclabAdmOptions extract(List<String> args) {
        Builder b = new Builder();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--") || !arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            int consumed = b.take(args, i);
            if (b.error != null) {
                break;
            }
            if (consumed > 0) {
                i += consumed;
                continue;
            }
            int width = admOptionWidth(args, i);
            b.admArgs.addAll(args.subList(i, i + width));
            i += width;
        }
        b.admArgs.addAll(args.subList(Math.min(i, args.size()), args.size()));
        return b.build();
    }

    /**
     * Returns how many arguments varnishadm's getopt uses for the option word at {@code i}:
     * one, or two when its last option letter takes the next word as its value.
     */
    private static int admOptionWidth(List<String> args, int i) {
        String word = args.get(i);
        for (int at = 1; at < word.length(); at++) {
            if (ADM_WITH_VALUE.indexOf(word.charAt(at)) >= 0) {
                boolean valueFollows = at + 1 == word.length() && i + 1 < args.size();
                return valueFollows ? 2 : 1;
            }
        }
        return 1;
    }

    /** The options as they are collected. */
    private static final class Builder {
        String model;
        final List<String> params = new ArrayList<>();
        String backend;
        String vclFile;
        String dialect;
        boolean virtualTime;
        Path historyFile = ReplSettings.defaultHistoryFile();
        final List<String> admArgs = new ArrayList<>();
        String error;

        /**
         * Takes the vclab option at {@code i}; returns how many words it used, or 0 when the
         * word is not a vclab option.
         */
        int take(List<String> args, int i) {
            String arg = args.get(i);
            if (arg.equals("--virtual-time")) {
                virtualTime = true;
                return 1;
            }
            for (String name : List.of("--model", "--param", "--backend", "--vcl-file",
                    "--dialect", "--history", "-b", "-f")) {
                String inline = inlineValue(arg, name);
                if (inline != null) {
                    set(name, inline);
                    return 1;
                }
                if (arg.equals(name)) {
                    if (i + 1 >= args.size()) {
                        error = "option " + name + " requires a value";
                        return 0;
                    }
                    set(name, args.get(i + 1));
                    return 2;
                }
            }
            return 0;
        }

        /** Returns the value of {@code --name=value} or {@code -bvalue}, else null. */
        private static String inlineValue(String arg, String name) {
            if (name.startsWith("--")) {
                return arg.startsWith(name + "=") ? arg.substring(name.length() + 1) : null;
            }
            return arg.startsWith(name) && arg.length() > name.length()
                    ? arg.substring(name.length()) : null;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--model" -> model = value;
                case "--param" -> params.add(value);
                case "--backend", "-b" -> backend = value;
                case "--vcl-file", "-f" -> vclFile = value;
                case "--dialect" -> dialect = value;
                default -> historyFile = value.isEmpty() ? null : Path.of(value);
            }
        }

        VclabAdmOptions build() {
            return new VclabAdmOptions(model, params, backend, vclFile, dialect, virtualTime,
                    historyFile, admArgs, error);
        }
    }
}
