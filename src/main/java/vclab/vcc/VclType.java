package vclab.vcc;

/**
 * The VCL data types, as VCC names them. STRINGS is VCC's internal type for a string
 * expression that has not been joined yet; it never reaches a VMOD or a variable.
 * DEFAULT is the type of the {@code default} backend and probe in Varnish 8.0.
 */
public enum VclType {
    ACL,
    BACKEND,
    BLOB,
    BODY,
    BOOL,
    BYTES,
    DEFAULT,
    DURATION,
    ENUM,
    HEADER,
    HTTP,
    INSTANCE,
    INT,
    IP,
    PROBE,
    REAL,
    REGEX,
    STEVEDORE,
    STRANDS,
    STRING,
    STRINGS,
    SUB,
    TIME,
    VCL,
    VOID
}
