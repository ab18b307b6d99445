package vclab.vcc;

import java.util.Locale;

/** Kinds of VCC symbols; {@link #label()} is the lower-case name VCC prints in messages. */
enum SymKind {
    NONE,
    RESERVED,
    ALIAS,
    ACL,
    ACTION,
    BACKEND,
    FUNC,
    INSTANCE,
    METHOD,
    OBJECT,
    PROBE,
    STEVEDORE,
    SUB,
    VAR,
    VCL,
    VMOD;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** VCC_HandleKind: the kind of a global symbol of this type. */
    static SymKind ofHandle(VccType type) {
        switch (type.kind) {
            case ACL:
                return ACL;
            case BACKEND:
                return BACKEND;
            case PROBE:
                return PROBE;
            case STEVEDORE:
                return STEVEDORE;
            case SUB:
                return SUB;
            case INSTANCE:
                return type == VccType.INSTANCE ? INSTANCE : NONE;
            default:
                return NONE;
        }
    }
}
