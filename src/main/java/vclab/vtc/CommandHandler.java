package vclab.vtc;

import java.util.List;

/** A command that scripts can call: a top-level, global or specification command. */
@FunctionalInterface
interface CommandHandler {

    void run(Invocation call);

    /**
     * One call of a command.
     *
     * @param ctx the test
     * @param interpreter the interpreter running the script, for nested specifications
     * @param id the log id of the calling context ({@code top}, {@code l1}, ...)
     * @param args the words, macros expanded; the first is the command name
     * @param command the parsed command, for positions and unexpanded words
     */
    record Invocation(VtcContext ctx, Interpreter interpreter, String id, List<String> args,
            VtcCommand command) {

        /** Returns word {@code i}, or null past the end, like varnishtest's argv. */
        String arg(int i) {
            return i < args.size() ? args.get(i) : null;
        }

        SourcePos pos() {
            return command.pos();
        }

        /** Fails the test like varnishtest's failed assertion on a missing argument. */
        VtcFatal missingArgument(String function, String file, int line, String condition) {
            return ctx.fail(id, "Assert error in " + function + "(), " + file + " line " + line
                    + ":  Condition(" + condition + ") not true.  Errno=0 Success");
        }
    }
}
