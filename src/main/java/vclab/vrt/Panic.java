package vclab.vrt;

/**
 * Thrown where varnishd's child would abort: a failed assertion or a "wrong turn". The
 * simulated child catches it at the top of the thread, records the text for
 * {@code panic.show} and dies. The text is what the modelled release prints.
 */
public final class Panic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String text;

    public Panic(String text) {
        super(text, null, false, false);
        this.text = text;
    }

    /** The first lines of the panic, as {@code panic.show} prints them after "Panic at:". */
    public String text() {
        return text;
    }

    /** varnishd's {@code assert()} failure: {@code Assert error in F(), FILE line N: ...}. */
    public static Panic assertion(String function, String file, int line, String condition) {
        return new Panic("Assert error in " + function + "(), " + file + " line " + line
                + ":\n  Condition(" + condition + ") not true.");
    }

    /** varnishd's {@code WRONG()}: {@code Wrong turn at FILE:N:\nMESSAGE}. */
    public static Panic wrong(String file, int line, String message) {
        return new Panic("Wrong turn at " + file + ":" + line + ":\n" + message);
    }
}
