package vclab.vcc;

/** Model nodes for VCL variables and handles. */
final class Variables {
    private Variables() {
    }

    /** The variable a VAR symbol stands for; a header is named by its parent and itself. */
    static VclExpr.Variable of(Symbol sym) {
        if (sym.parentVar != null) {
            return new VclExpr.Variable(sym.parentVar.fullName(), VclType.HEADER, sym.name);
        }
        return new VclExpr.Variable(sym.fullName(), sym.type.kind, null);
    }

    /** What reading a VAR symbol gives: a stevedore for storage.NAME, else the variable. */
    static VclExpr read(Symbol sym) {
        String n = sym.fullName();
        if (sym.type == VccType.STEVEDORE && n.startsWith("storage.")) {
            return new VclExpr.StevedoreRef(n.substring("storage.".length()));
        }
        return of(sym);
    }
}
