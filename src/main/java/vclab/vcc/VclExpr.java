package vclab.vcc;

import java.util.List;
import java.util.Objects;

/**
 * An expression of a compiled VCL, fully resolved: literals carry their converted values,
 * references name what they point at, and VMOD calls carry their spec and one argument per
 * declared parameter, in declaration order, with defaults filled in.
 */
public sealed interface VclExpr {
    /** The VCL type of the value; STRINGS for a string that VCC has not joined yet. */
    VclType type();

    /** Binary operators, including comparisons, matches and the boolean connectives. */
    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"),
        EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">="),
        MATCH("~"), NOMATCH("!~"), AND("&&"), OR("||");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record StringLiteral(String value) implements VclExpr {
        public VclType type() {
            return VclType.STRING;
        }
    }

    record IntLiteral(long value) implements VclExpr {
        public VclType type() {
            return VclType.INT;
        }
    }

    record RealLiteral(double value) implements VclExpr {
        public VclType type() {
            return VclType.REAL;
        }
    }

    /** A duration in seconds, with its unit already applied. */
    record DurationLiteral(double seconds) implements VclExpr {
        public VclType type() {
            return VclType.DURATION;
        }
    }

    record BytesLiteral(long bytes) implements VclExpr {
        public VclType type() {
            return VclType.BYTES;
        }
    }

    record BoolLiteral(boolean value) implements VclExpr {
        public VclType type() {
            return VclType.BOOL;
        }
    }

    /** An IP constant: the numeric address the string resolved to, with its port. */
    record IpLiteral(String text, String address, int port) implements VclExpr {
        public VclType type() {
            return VclType.IP;
        }
    }

    /** A BLOB literal; the bytes are copied in and out. */
    record BlobLiteral(byte[] bytes) implements VclExpr {
        public BlobLiteral {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public VclType type() {
            return VclType.BLOB;
        }
    }

    /** A regular expression, already checked by the compiler (PCRE syntax). */
    record RegexLiteral(String pattern) implements VclExpr {
        public VclType type() {
            return VclType.REGEX;
        }
    }

    /** One of the values a VMOD ENUM parameter accepts. */
    record EnumLiteral(String value) implements VclExpr {
        public VclType type() {
            return VclType.ENUM;
        }
    }

    /** A VMOD default that is a null pointer (no probe, no string, no BLOB...). */
    record NullValue(VclType type) implements VclExpr {
    }

    record BackendRef(String name) implements VclExpr {
        public VclType type() {
            return VclType.BACKEND;
        }
    }

    /** The VCL's default backend: the first one declared, or one named "default". */
    record DefaultBackend() implements VclExpr {
        public VclType type() {
            return VclType.BACKEND;
        }
    }

    record ProbeRef(String name) implements VclExpr {
        public VclType type() {
            return VclType.PROBE;
        }
    }

    /** The probe declared as {@code probe default { ... }}. */
    record DefaultProbe() implements VclExpr {
        public VclType type() {
            return VclType.PROBE;
        }
    }

    record AclRef(String name) implements VclExpr {
        public VclType type() {
            return VclType.ACL;
        }
    }

    record SubRef(String name) implements VclExpr {
        public VclType type() {
            return VclType.SUB;
        }
    }

    /** A label, as named by {@code return (vcl(label))}. */
    record LabelRef(String name) implements VclExpr {
        public VclType type() {
            return VclType.VCL;
        }
    }

    /** A stevedore, {@code storage.<name>}. */
    record StevedoreRef(String name) implements VclExpr {
        public VclType type() {
            return VclType.STEVEDORE;
        }
    }

    /** An object made by {@code new}; objectType is "vmod.class". */
    record InstanceRef(String name, String objectType) implements VclExpr {
        public VclType type() {
            return VclType.INSTANCE;
        }
    }

    /**
     * A VCL variable. For a header, name is the header variable ("req.http") and header is
     * the header's name as first written in the VCL; otherwise header is null.
     */
    record Variable(String name, VclType type, String header) implements VclExpr {
        /** The name as written in VCL, "req.http.X-Foo" for a header. */
        public String fullName() {
            return header == null ? name : name + "." + header;
        }
    }

    /**
     * One parameter of a VMOD call. A PRIV_* parameter has a priv scope, a null type and no
     * value; an optional parameter that was not given has no value and given false.
     */
    record Argument(String name, VclType type, String priv, VclExpr value, boolean given) {
    }

    record VmodCall(String vmod, String function, VmodSpec.Function spec,
            List<Argument> args) implements VclExpr {
        public VmodCall {
            args = List.copyOf(args);
        }

        public VclType type() {
            return spec.returnType();
        }
    }

    /** A method call on an object made by {@code new}. */
    record MethodCall(String instance, String objectType, String method,
            VmodSpec.Function spec, List<Argument> args) implements VclExpr {
        public MethodCall {
            args = List.copyOf(args);
        }

        public VclType type() {
            return spec.returnType();
        }
    }

    /**
     * A built-in property or method of a type: {@code .upper()} and {@code .lower()} of
     * strings, {@code .resolve()} of a backend, the properties of a stevedore.
     */
    record TypeMethod(VclExpr target, String method, VclType type) implements VclExpr {
    }

    /** {@code regsub()} or, with all set, {@code regsuball()}. */
    record Regsub(boolean all, VclExpr subject, VclExpr regex, VclExpr replacement)
            implements VclExpr {
        public VclType type() {
            return VclType.STRING;
        }
    }

    record Not(VclExpr operand) implements VclExpr {
        public VclType type() {
            return VclType.BOOL;
        }
    }

    /** Unary minus in front of a non-literal expression. */
    record Negate(VclExpr operand, VclType type) implements VclExpr {
    }

    record Binary(Op op, VclExpr left, VclExpr right, VclType type) implements VclExpr {
        public Binary {
            Objects.requireNonNull(op);
        }
    }

    /** String concatenation with '+'. */
    record Concat(List<VclExpr> parts) implements VclExpr {
        public Concat {
            parts = List.copyOf(parts);
        }

        public VclType type() {
            return VclType.STRING;
        }
    }

    /** VCC's automatic conversion of a value to a string. */
    record ToString(VclExpr value) implements VclExpr {
        public VclType type() {
            return VclType.STRING;
        }
    }

    /**
     * VCC's automatic conversion to BOOL: INT and BACKEND are true when non-zero, DURATION
     * when positive, a string when it is set.
     */
    record ToBool(VclExpr value) implements VclExpr {
        public VclType type() {
            return VclType.BOOL;
        }
    }

    /** A BLOB or string used as a body ({@code set resp.body = ...}). */
    record ToBody(VclExpr value) implements VclExpr {
        public VclType type() {
            return VclType.BODY;
        }
    }
}
