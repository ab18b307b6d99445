package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/**
 * An expression during compilation (struct expr in vcc_expr.c). It records its type,
 * whether it is constant or a string literal, the number of strands of a STRINGS value and
 * the literal token it started with (VCC tracks no other start), with the model node.
 */
final class Expr {
    static final int VAR = 1;
    static final int CONST = 2;
    static final int STR_CONST = 4;

    VccType fmt;
    int constant = VAR;
    VclToken t1;
    /** The object of an instance expression, waiting for ".method()". */
    Symbol instance;
    int nstr;
    /** The strands of a STRINGS value, or the single value of any other type. */
    final List<VclExpr> parts = new ArrayList<>();

    Expr(VccType fmt, VclExpr node) {
        this.fmt = fmt;
        if (node != null) {
            parts.add(node);
        }
    }

    boolean isConst() {
        return (constant & CONST) != 0;
    }

    boolean isLiteral() {
        return (constant & STR_CONST) != 0;
    }

    /** Returns the model node: the single value, or the concatenation of the strands. */
    VclExpr node() {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new VclExpr.Concat(parts);
    }

    /** vcc_expr_edit: a new expression of type {@code fmt} made from e1 (and maybe others). */
    static Expr edit(VccType fmt, VclExpr node, Expr e1) {
        Expr e = new Expr(fmt, node);
        e.t1 = e1.t1;
        return e;
    }
}
