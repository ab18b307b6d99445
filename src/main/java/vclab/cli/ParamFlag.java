package vclab.cli;

/**
 * The flags of a varnishd parameter. The declaration order is the order in which
 * {@code param.show} prints the NB paragraphs and the JSON flag names.
 */
public enum ParamFlag {
    OBJ_STICKY("obj_sticky", "NB: This parameter is evaluated only when objects are created. "
            + "To change it for all objects, restart or ban everything."),
    DELAYED_EFFECT("delayed_effect",
            "NB: This parameter may take quite some time to take (full) effect."),
    EXPERIMENTAL("experimental", "NB: We do not know yet if it is a good idea to change "
            + "this parameter, or if the default value is even sensible. "
            + "Caution is advised, and feedback is most welcome."),
    MUST_RELOAD("must_reload", "NB: This parameter will not take any effect until the "
            + "VCL programs have been reloaded."),
    MUST_RESTART("must_restart", "NB: This parameter will not take any effect until the "
            + "child process has been restarted."),
    WIZARD("wizard", "NB: Do not change this parameter, unless a developer tell "
            + "you to do so."),
    PROTECTED("protected", null),
    ONLY_ROOT("only_root", "NB: This parameter only works if varnishd is run as root."),
    BUILD_OPTIONS("build_options", "NB: The actual default value for this parameter depends "
            + "on the Varnish build environment and options."),
    /** Not listed among the flags; the parameter shows as not implemented. */
    NOT_IMPLEMENTED(null, "NB: This parameter depends on a feature which is not available"
            + " on this platform."),
    /** Documentation only. */
    PLATFORM_DEPENDENT(null, null);

    private final String jsonName;
    private final String note;

    ParamFlag(String jsonName, String note) {
        this.jsonName = jsonName;
        this.note = note;
    }

    /** Returns the name in {@code param.show -j}'s "flags" array, or null if not listed. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the NB paragraph {@code param.show -l} adds for this flag, or null. */
    public String note(Dialect dialect) {
        if (this == PROTECTED) {
            return dialect == Dialect.V7_1
                    ? "NB: This parameter is protected and can not be changed."
                    : "NB: This parameter is protected and cannot be changed.";
        }
        return note;
    }
}
