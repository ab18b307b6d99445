package vclab.vcc;

import java.util.List;

/**
 * A type as VCC's expression compiler sees it (struct type in vcc_types.c): whether it can
 * be converted to a string, which type a product with it has, and the properties and
 * methods that follow a '.'. Each VMOD object class is a type of its own, named
 * "vmod.class", with {@link VclType#INSTANCE} as its kind.
 */
final class VccType {
    /** A property or method of a type ({@code STRINGS.upper()}, {@code BACKEND.resolve()}). */
    record Method(String name, VccType type, boolean isFunction) {
    }

    static final VccType ACL = builtin(VclType.ACL, "vrt_acl", true, null);
    static final VccType BLOB = builtin(VclType.BLOB, null, true, null);
    static final VccType BODY = builtin(VclType.BODY, null, false, null);
    static final VccType BOOL = builtin(VclType.BOOL, null, true, null);
    static final VccType REAL = builtin(VclType.REAL, null, true, null);
    static final VccType BYTES = builtin(VclType.BYTES, null, true, REAL);
    static final VccType DEFAULT = builtin(VclType.DEFAULT, null, false, null);
    static final VccType DURATION = builtin(VclType.DURATION, null, true, REAL);
    static final VccType ENUM = builtin(VclType.ENUM, null, true, null);
    static final VccType HEADER = builtin(VclType.HEADER, null, true, null);
    static final VccType HTTP = builtin(VclType.HTTP, null, false, null);
    static final VccType INSTANCE = builtin(VclType.INSTANCE, "vo", false, null);
    static final VccType INT = new VccType(VclType.INT.name(), VclType.INT, null, true, null,
            List.of());
    static final VccType IP = builtin(VclType.IP, null, true, null);
    static final VccType PROBE = builtin(VclType.PROBE, "vgc_probe", false, null);
    static final VccType REGEX = builtin(VclType.REGEX, null, false, null);
    static final VccType STRING = builtin(VclType.STRING, null, false, null);
    static final VccType STRANDS = builtin(VclType.STRANDS, null, true, null);
    static final VccType SUB = builtin(VclType.SUB, "VGC_function", false, null);
    static final VccType TIME = builtin(VclType.TIME, null, true, null);
    static final VccType VCL = builtin(VclType.VCL, null, false, null);
    static final VccType VOID = builtin(VclType.VOID, null, false, null);
    static final VccType BACKEND = new VccType(VclType.BACKEND.name(), VclType.BACKEND,
            "vgc_backend", true, null, List.of(new Method("resolve", null, true)));
    static final VccType STEVEDORE = new VccType(VclType.STEVEDORE.name(), VclType.STEVEDORE,
            null, true, null, List.of(new Method("free_space", BYTES, false),
                    new Method("used_space", BYTES, false), new Method("happy", BOOL, false)));
    static final VccType STRINGS = new VccType(VclType.STRINGS.name(), VclType.STRINGS, null,
            false, null, List.of(new Method("upper", STRING, true),
                    new Method("lower", STRING, true)));

    private static final List<VccType> ALL = List.of(ACL, BACKEND, BLOB, BODY, BOOL, BYTES,
            DEFAULT, DURATION, ENUM, HEADER, HTTP, INSTANCE, INT, IP, PROBE, REAL, REGEX,
            STEVEDORE, STRANDS, STRING, STRINGS, SUB, TIME, VCL, VOID);

    final String name;
    final VclType kind;
    /** Prefix of the C names of global symbols of this type; null if it has none. */
    final String globalPrefix;
    final boolean hasToString;
    private final VccType multype;
    final List<Method> methods;

    private VccType(String name, VclType kind, String globalPrefix, boolean hasToString,
            VccType multype, List<Method> methods) {
        this.name = name;
        this.kind = kind;
        this.globalPrefix = globalPrefix;
        this.hasToString = hasToString;
        this.multype = multype;
        this.methods = methods;
    }

    private static VccType builtin(VclType kind, String globalPrefix, boolean hasToString,
            VccType multype) {
        return new VccType(kind.name(), kind, globalPrefix, hasToString, multype, List.of());
    }

    /** The type of the instances of a VMOD object class, named "vmod.class". */
    static VccType objectType(String name) {
        return new VccType(name, VclType.INSTANCE, null, false, null, List.of());
    }

    /** VCC_Type: the built-in type with this name, or null. */
    static VccType byName(String name) {
        for (VccType t : ALL) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    static VccType of(VclType kind) {
        return byName(kind.name());
    }

    boolean isStringForm() {
        return this == STRING || this == STRANDS;
    }

    boolean isBodyForm() {
        return this == BLOB || this == STRINGS;
    }

    /** The type of the right operand of '*' and '/'; null if the type has no product. */
    VccType multype() {
        return kind == VclType.INT || kind == VclType.REAL ? this : multype;
    }

    /** The type's name in messages: STRING for every string form (vcc_utype). */
    String utype() {
        return this == STRINGS || isStringForm() ? "STRING" : name;
    }

    @Override
    public String toString() {
        return name;
    }
}
