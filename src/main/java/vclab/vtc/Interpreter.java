package vclab.vtc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs parsed scripts: logs each command line, expands its macros, runs {@code loop} and
 * dispatches the rest to the commands of the context, then to the global commands.
 */
final class Interpreter {
    private final VtcContext ctx;
    private final Map<String, CommandHandler> globals;

    Interpreter(VtcContext ctx, Map<String, CommandHandler> globals) {
        this.ctx = ctx;
        this.globals = globals;
    }

    VtcContext context() {
        return ctx;
    }

    /** Parses {@code text}, whose first character is at {@code start}, and runs it. */
    void runText(String text, SourcePos start, String id, Map<String, CommandHandler> commands) {
        run(VtcScriptParser.parse(text, start), id, commands);
    }

    /**
     * Runs the commands in order until the test fails or stops; a syntax error is fatal when
     * its line is reached.
     */
    void run(ParsedScript script, String id, Map<String, CommandHandler> commands) {
        for (VtcCommand command : script.commands()) {
            ctx.yieldIfTimeUp();
            if (ctx.isFailed() || ctx.isStopped()) {
                return;
            }
            ctx.log(2, id, "=== " + command.lineText());
            runCommand(command, id, commands);
        }
        VtcSyntaxError error = script.error();
        if (error != null && !ctx.isFailed() && !ctx.isStopped()) {
            if (error.lineText() != null) {
                ctx.log(2, id, "=== " + error.lineText());
            }
            ctx.scriptError(error.pos(), error.message());
            throw ctx.fail(id, error.message());
        }
    }

    private void runCommand(VtcCommand command, String id, Map<String, CommandHandler> commands) {
        List<String> args = new ArrayList<>(command.words().size());
        for (VtcWord word : command.words()) {
            String text = word.text();
            args.add(text.contains("${") ? ctx.expand(id, text) : text);
        }
        String name = args.get(0);
        if (name.equals("loop")) {
            runLoop(command, args, id, commands);
            return;
        }
        CommandHandler handler = commands.get(name);
        if (handler == null) {
            handler = globals.get(name);
        }
        if (handler == null) {
            ctx.scriptError(command.pos(), "Unknown command: \"" + name + "\"");
            throw ctx.fail(id, "Unknown command: \"" + name + "\"");
        }
        try {
            handler.run(new CommandHandler.Invocation(ctx, this, id, args, command));
        } catch (VtcFatal | vclab.sched.SimThreadKilled e) {
            throw e;
        } catch (RuntimeException e) {
            System.getLogger(Interpreter.class.getName()).log(System.Logger.Level.DEBUG,
                    "internal error in " + command.pos() + ": " + name, e);
            throw ctx.fail(id, "vclab internal error in " + name + ": " + e);
        }
    }

    /**
     * Runs {@code loop N SPEC}. Like varnishtest 7.1, the iterations go on after a failure
     * but each one stops before its first command.
     */
    private void runLoop(VtcCommand command, List<String> args, String id,
            Map<String, CommandHandler> commands) {
        if (args.size() < 3) {
            throw ctx.fail(id, "loop needs a count and a specification: loop NUMBER SPEC");
        }
        long count = parseUnsigned(args.get(1));
        ParsedScript body = VtcScriptParser.parse(args.get(2), command.words().get(2).contentPos());
        for (long i = 0; i < count; i++) {
            ctx.yieldIfTimeUp();
            ctx.log(4, id, "Loop #" + i);
            run(body, id, commands);
        }
    }

    /** Parses like C's strtoul with base 0: decimal, 0x hex or leading-0 octal; junk is 0. */
    static long parseUnsigned(String text) {
        String t = text.strip();
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0") && t.length() > 1) {
            radix = 8;
            t = t.substring(1);
        }
        int end = 0;
        while (end < t.length() && Character.digit(t.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == 0) {
            return 0;
        }
        try {
            return Long.parseLong(t.substring(0, end), radix);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
