package vclab.vtc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The simple commands: {@code varnishtest}, {@code delay}, {@code setenv}, {@code filewrite}, {@code include}. */
final class BasicCommands {
    private static final Pattern NUMBER =
            Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)\\s*");

    private BasicCommands() {
    }

    /** {@code varnishtest TEXT} and {@code vtest TEXT}: logs the title. */
    static void title(CommandHandler.Invocation call) {
        boolean vtest = call.arg(0).equals("vtest");
        call.ctx().log(1, call.id(), "VTEST " + call.arg(1));
        if (call.args().size() > 2) {
            throw call.missingArgument(vtest ? "cmd_vtest" : "cmd_varnishtest", "vtc_misc.c",
                    vtest ? 79 : 100, "(av[2]) == 0");
        }
    }

    /** {@code delay SECONDS}: sleeps in virtual time (or real time with --realtime). */
    static void delay(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        if (call.arg(1) == null) {
            throw call.missingArgument("cmd_delay", "vtc_misc.c", 305, "(av[1]) != 0");
        }
        if (call.arg(2) != null) {
            throw call.missingArgument("cmd_delay", "vtc_misc.c", 306, "(av[2]) == 0");
        }
        double seconds = parseNumber(call.arg(1));
        if (Double.isNaN(seconds)) {
            throw ctx.fail(call.id(), "Syntax error in number (" + call.arg(1) + ")");
        }
        ctx.log(3, call.id(), "delaying " + formatG(seconds) + " second(s)");
        if (seconds > 0) {
            ctx.scheduler().sleep(Math.round(seconds * 1e9));
        }
    }

    /** {@code setenv [-ifunset] NAME VALUE}: sets a variable for programs started later. */
    static void setenv(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        int i = 1;
        boolean force = true;
        if (call.arg(1) == null) {
            throw call.missingArgument("cmd_setenv", "vtc_misc.c", 273, "(av[1]) != 0");
        }
        if (call.arg(2) == null) {
            throw call.missingArgument("cmd_setenv", "vtc_misc.c", 274, "(av[2]) != 0");
        }
        if (call.arg(1).equals("-ifunset")) {
            force = false;
            i = 2;
            if (call.arg(3) == null) {
                throw call.missingArgument("cmd_setenv", "vtc_misc.c", 280, "(av[2]) != 0");
            }
        }
        if (call.arg(i + 2) != null) {
            throw ctx.fail(call.id(), "CMD setenv: Unexpected argument '" + call.arg(i + 2) + "'");
        }
        String name = call.arg(i);
        String value = call.arg(i + 1);
        if (name.isEmpty() || name.contains("=")) {
            throw ctx.fail(call.id(), "CMD setenv " + name + "=\"" + value
                    + "\" failed: Invalid argument");
        }
        Map<String, String> env = ctx.environment();
        if (force || !env.containsKey(name)) {
            env.put(name, value);
        }
    }

    /** {@code filewrite [-a] FILE STRING...} (VTest2): writes or appends to a file. */
    static void filewrite(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        int i = 1;
        boolean append = false;
        if ("-a".equals(call.arg(i))) {
            append = true;
            i++;
        }
        if (call.arg(i) == null) {
            throw ctx.fail(call.id(), "Need filename");
        }
        Path file = ctx.tmpdir().resolve(call.arg(i));
        StringBuilder content = new StringBuilder();
        for (int j = i + 1; j < call.args().size(); j++) {
            content.append(call.args().get(j));
        }
        try {
            if (append) {
                Files.writeString(file, content, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw ctx.fail(call.id(), "Cannot open " + call.arg(i) + ": " + strerror(e));
        }
    }

    /** {@code include FILE...} (VTest2): runs each file as script text in this context. */
    static void include(CommandHandler.Invocation call, Map<String, CommandHandler> commands) {
        VtcContext ctx = call.ctx();
        if (call.args().size() < 2) {
            throw ctx.fail(call.id(), "CMD include: At least 1 argument required");
        }
        for (String name : call.args().subList(1, call.args().size())) {
            String text;
            try {
                text = TestFiles.decode(Files.readAllBytes(ctx.tmpdir().resolve(name)));
            } catch (IOException e) {
                throw ctx.fail(call.id(), "CMD include: Unable to read file '" + name + "' ("
                        + strerror(e) + ")");
            }
            ctx.log(2, call.id(), "Begin include '" + name + "'");
            call.interpreter().runText(text, new SourcePos(name, 1, 1), call.id(), commands);
            ctx.log(2, call.id(), "End include '" + name + "'");
        }
    }

    /** Parses a number like Varnish's VNUM; returns NaN for anything else. */
    static double parseNumber(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return Double.NaN;
        }
        return Double.parseDouble(text.strip());
    }

    /** Formats like C's {@code %g}: six significant digits, trailing zeros removed. */
    static String formatG(double value) {
        if (value == 0) {
            return "0";
        }
        String sci = String.format(Locale.ROOT, "%.5e", value);
        int e = sci.indexOf('e');
        int exponent = Integer.parseInt(sci.substring(e + 1));
        if (exponent < -4 || exponent >= 6) {
            String mantissa = stripZeros(sci.substring(0, e));
            String sign = exponent < 0 ? "-" : "+";
            return mantissa + "e" + sign + String.format("%02d", Math.abs(exponent));
        }
        return stripZeros(String.format(Locale.ROOT, "%." + (5 - exponent) + "f", value));
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Returns the C library's message for the error behind {@code e}, where Java exposes it. */
    static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
