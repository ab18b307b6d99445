package vclab.vcc;

import vclab.cli.Dialect;

/**
 * An assertion that fails inside real VCC for some inputs, which aborts the compiler: the
 * manager then prints only the assertion text and "failed, signal 6". vclab reproduces the
 * ones it knows by throwing this from where VCC would abort.
 */
final class VccAssertion extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final String file;
    private final int line;
    private final String condition;

    VccAssertion(String function, String file, int line, String condition) {
        super(function + "(): " + condition, null, false, false);
        this.function = function;
        this.file = file;
        this.line = line;
        this.condition = condition;
    }

    /** strtod read past a number token ("10e5", "0x1f", "1.5e3" before 8.0). */
    static VccAssertion numberOverrun(Dialect dialect, boolean real) {
        int line = dialect == Dialect.V7_1 ? real ? 508 : 494 : real ? 513 : 493;
        return new VccAssertion("vcc_lex_number", "vcc_token.c", line, "s == tl->t->e");
    }

    /** What VAS_Fail prints before the compiler aborts. */
    String text() {
        return "Assert error in " + function + "(), " + file + " line " + line + ":\n"
                + "  Condition(" + condition + ") not true.\n";
    }
}
