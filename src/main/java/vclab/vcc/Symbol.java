package vclab.vcc;

/**
 * A VCC symbol (struct symbol in vcc_compile.h): a name in one symbol tree node with its
 * kind, type, valid VCL versions and cross-reference counts. Symbols are compile-time
 * state of one compilation and are changed as parsing goes on.
 */
final class Symbol {
    /** The evaluation of the symbol in an expression (VCC's sym->eval). */
    enum Eval {
        NONE,
        VAR,
        PROTECTED_HEADER,
        HANDLE,
        SUB,
        SYMFUNC,
        TYPE_METHOD,
        REGSUB,
        BOOL_CONST,
        DEFAULT
    }

    /** The statement a symbol starts (VCC's sym->action). */
    enum Action {
        NONE,
        BAN,
        CALL,
        HASH_DATA,
        IF,
        NEW,
        RETURN,
        SET,
        SYNTHETIC,
        UNSET,
        VMOD_CALL,
        OBJECT_CALL
    }

    /** The maker of this symbol's children on first use (VCC's sym->wildcard). */
    enum Wildcard {
        NONE,
        HEADER
    }

    final String name;
    final SymTab symtab;
    int lorev;
    int hirev;
    SymKind kind;
    VccType type = VccType.VOID;
    Eval eval = Eval.NONE;
    Action action = Action.NONE;
    Wildcard wildcard = Wildcard.NONE;
    int actionMask;

    VclToken defB;
    VclToken refB;
    boolean noref;
    int nref;
    int ndef;

    /** Type-specific data: a VMOD function, object or module spec, an alias target. */
    Object evalPriv;
    /** The VMOD's name for VMOD functions, objects and instances. */
    String vmodName;
    /** For VMOD modules the file identity; for methods the instance's C name. */
    String extra;
    /** Whether the symbol has a C global name (VCC's lname and rname). */
    boolean hasGlobalName;

    int rMethods;
    int wMethods;
    int uMethods;

    /** The subroutine of a SUB symbol. */
    Proc proc;
    /** The wildcard parent of a header variable (8.0 records it in eval_priv). */
    Symbol parentVar;

    Symbol(SymTab symtab, SymKind kind, int lorev, int hirev) {
        this.name = symtab.name;
        this.symtab = symtab;
        this.kind = kind;
        this.lorev = lorev;
        this.hirev = hirev;
    }

    String fullName() {
        return symtab.fullName();
    }

    @Override
    public String toString() {
        return kind.label() + " " + fullName();
    }
}
