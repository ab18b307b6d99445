package vclab.vcc;

import java.util.List;

/**
 * VCC's operators by precedence, lowest first: '||', '&&', '!', comparisons and matches,
 * '+' and '-', then '*', '/' and '%' (vcc_expr.c). Which operator applies to which types
 * follows VCC's tables; a '+' with a string on either side joins strings.
 */
final class Operators {
    /** One row of VCC's table of '+' and '-' operands (vcc_adds). */
    private record Add(Tok op, VccType a, VccType b, VccType result) {
    }

    private static final List<Add> ADDS = List.of(
            new Add(Tok.PLUS, VccType.BYTES, VccType.BYTES, VccType.BYTES),
            new Add(Tok.MINUS, VccType.BYTES, VccType.BYTES, VccType.BYTES),
            new Add(Tok.PLUS, VccType.DURATION, VccType.DURATION, VccType.DURATION),
            new Add(Tok.MINUS, VccType.DURATION, VccType.DURATION, VccType.DURATION),
            new Add(Tok.PLUS, VccType.INT, VccType.INT, VccType.INT),
            new Add(Tok.MINUS, VccType.INT, VccType.INT, VccType.INT),
            new Add(Tok.PLUS, VccType.INT, VccType.REAL, VccType.REAL),
            new Add(Tok.MINUS, VccType.INT, VccType.REAL, VccType.REAL),
            new Add(Tok.PLUS, VccType.REAL, VccType.INT, VccType.REAL),
            new Add(Tok.MINUS, VccType.REAL, VccType.INT, VccType.REAL),
            new Add(Tok.PLUS, VccType.REAL, VccType.REAL, VccType.REAL),
            new Add(Tok.MINUS, VccType.REAL, VccType.REAL, VccType.REAL),
            new Add(Tok.MINUS, VccType.TIME, VccType.TIME, VccType.DURATION),
            new Add(Tok.PLUS, VccType.TIME, VccType.DURATION, VccType.TIME),
            new Add(Tok.MINUS, VccType.TIME, VccType.DURATION, VccType.TIME));

    private final Compilation tl;
    private final Expressions ex;

    Operators(Compilation tl, Expressions ex) {
        this.tl = tl;
        this.ex = ex;
    }

    /** vcc_expr_cor: ExprCand { '||' ExprCand }. */
    Expr cor(VccType fmt) {
        return binBool(fmt, Tok.COR, "||", VclExpr.Op.OR, true);
    }

    private Expr cand(VccType fmt) {
        return binBool(fmt, Tok.CAND, "&&", VclExpr.Op.AND, false);
    }

    /** vcc_expr_bin_bool: a chain of BOOL operands joined by {@code ourtok}. */
    private Expr binBool(VccType fmt, Tok ourtok, String tokstr, VclExpr.Op op, boolean or) {
        VclToken tk = tl.t;
        Expr e = or ? cand(fmt) : not(fmt);
        if (tl.sb.err) {
            return null;
        }
        if (tl.t.tok != ourtok) {
            return e;
        }
        e = ex.toBool(e);
        if (e.fmt != VccType.BOOL) {
            tl.sb.cat("'").cat(tokstr).cat(tl.v71() ? "' must be preceeded by BOOL, found "
                    : "' must be preceded by BOOL, found ")
                    .cat(e.fmt.utype()).cat(".\n");
            tl.errWhere2(tk, tl.t);
            return null;
        }
        while (tl.t.tok == ourtok) {
            tl.next();
            tk = tl.t;
            Expr e2 = or ? cand(fmt) : not(fmt);
            if (tl.sb.err) {
                return null;
            }
            e2 = ex.toBool(e2);
            if (e2.fmt != VccType.BOOL) {
                tl.sb.cat("'").cat(tokstr).cat("' must be followed by BOOL, found ")
                        .cat(e2.fmt.utype()).cat(".\n");
                tl.errWhere2(tk, tl.t);
                return null;
            }
            e = Expr.edit(VccType.BOOL, new VclExpr.Binary(op, e.node(), e2.node(),
                    VclType.BOOL), e);
        }
        return e;
    }

    /** vcc_expr_not: ['!'] ExprCmp. */
    private Expr not(VccType fmt) {
        VclToken tk = tl.t;
        if (tl.t.tok == Tok.BANG) {
            tl.next();
        }
        Expr e = cmp(fmt);
        if (tl.sb.err) {
            return null;
        }
        if (tk.tok != Tok.BANG) {
            return e;
        }
        e = ex.toBool(e);
        if (e.fmt != VccType.BOOL) {
            tl.sb.cat("'!' must be followed by BOOL, found ").cat(e.fmt.utype()).cat(".\n");
            tl.errWhere2(tk, tl.t);
            return null;
        }
        return Expr.edit(VccType.BOOL, new VclExpr.Not(e.node()), e);
    }

    /** vcc_expr_cmp: ExprAdd [relation ExprAdd], per VCC's table of comparable types. */
    private Expr cmp(VccType fmt) {
        Expr e = add(fmt);
        if (tl.sb.err) {
            return null;
        }
        Tok tk = tl.t.tok;
        VclExpr.Op op = relation(tk);
        if (op == null) {
            return e;
        }
        // Varnish 8.0 compares STRING and STRANDS values like STRINGS (vcc_stringstype).
        VccType f = stringsType(e.fmt);
        boolean numeric = f == VccType.INT || f == VccType.DURATION || f == VccType.BYTES
                || f == VccType.REAL || f == VccType.TIME;
        boolean identity = f == VccType.BACKEND || f == VccType.ACL || f == VccType.PROBE
                || f == VccType.STEVEDORE || f == VccType.SUB || f == VccType.INSTANCE
                || f == VccType.BOOL || f == VccType.IP;
        boolean equality = op == VclExpr.Op.EQ || op == VclExpr.Op.NE;
        boolean match = op == VclExpr.Op.MATCH || op == VclExpr.Op.NOMATCH;
        if (numeric && !match || identity && equality) {
            return cmpSimple(e, op);
        }
        if (f == VccType.IP && match) {
            return cmpAcl(e, op);
        }
        if (f == VccType.STRINGS && match) {
            return cmpRegexp(e, op);
        }
        if (f == VccType.STRINGS) {
            return cmpString(e, op);
        }
        tl.sb.cat("Operator ").cat(tl.t.text()).cat(" not possible on ").cat(e.fmt.utype())
                .cat("\n");
        tl.errWhere(tl.t);
        return null;
    }

    private VccType stringsType(VccType t) {
        return !tl.v71() && t.isStringForm() ? VccType.STRINGS : t;
    }

    private static VclExpr.Op relation(Tok tk) {
        switch (tk) {
            case EQ:
                return VclExpr.Op.EQ;
            case NEQ:
                return VclExpr.Op.NE;
            case LT:
                return VclExpr.Op.LT;
            case GT:
                return VclExpr.Op.GT;
            case LEQ:
                return VclExpr.Op.LE;
            case GEQ:
                return VclExpr.Op.GE;
            case TILDE:
                return VclExpr.Op.MATCH;
            case NOMATCH:
                return VclExpr.Op.NOMATCH;
            default:
                return null;
        }
    }

    private Expr cmpSimple(Expr e, VclExpr.Op op) {
        VclToken tk = tl.t;
        tl.next();
        Expr e2 = add(e.fmt);
        if (tl.sb.err) {
            return null;
        }
        if (e2.fmt != e.fmt) {
            differentTypes(e, tk, e2);
            return null;
        }
        return Expr.edit(VccType.BOOL, new VclExpr.Binary(op, e.node(), e2.node(),
                VclType.BOOL), e);
    }

    private void differentTypes(Expr e, VclToken tk, Expr e2) {
        tl.sb.cat("Comparison of different types: ").cat(e.fmt.utype()).cat(" '")
                .cat(tk.text()).cat("' ").cat(e2.fmt.utype()).cat("\n");
        tl.errWhere(tk);
    }

    private Expr cmpRegexp(Expr e, VclExpr.Op op) {
        e = Expr.edit(VccType.STRING, e.node(), e);
        tl.next();
        VclToken t1 = tl.t;
        Expr e2 = ex.expr4(VccType.REGEX);
        if (tl.sb.err) {
            return null;
        }
        ex.typecheck(e2, VccType.REGEX, t1);
        if (tl.sb.err) {
            return null;
        }
        return Expr.edit(VccType.BOOL, new VclExpr.Binary(op, e.node(), e2.node(),
                VclType.BOOL), e);
    }

    private Expr cmpAcl(Expr e, VclExpr.Op op) {
        tl.next();
        VclToken t1 = tl.t;
        Expr e2 = ex.expr4(VccType.ACL);
        if (tl.sb.err) {
            return null;
        }
        ex.typecheck(e2, VccType.ACL, t1);
        if (tl.sb.err) {
            return null;
        }
        return Expr.edit(VccType.BOOL, new VclExpr.Binary(op, e.node(), e2.node(),
                VclType.BOOL), e2);
    }

    private Expr cmpString(Expr e, VclExpr.Op op) {
        VclToken tk = tl.t;
        tl.next();
        Expr e2 = add(VccType.STRINGS);
        if (tl.sb.err) {
            return null;
        }
        if (stringsType(e2.fmt) != VccType.STRINGS) {
            differentTypes(e, tk, e2);
            return null;
        }
        return Expr.edit(VccType.BOOL, new VclExpr.Binary(op, e.node(), e2.node(),
                VclType.BOOL), e);
    }

    private static Add findAdd(Tok op, VccType a, VccType b) {
        for (Add x : ADDS) {
            if (x.op == op && x.a == a && (b == null || x.b == b)) {
                return x;
            }
        }
        return null;
    }

    /** vcc_expr_add: ExprMul { ('+' | '-') ExprMul }. */
    private Expr add(VccType fmt) {
        Expr e = mul(fmt);
        if (tl.sb.err) {
            return null;
        }
        while (tl.t.tok == Tok.PLUS || tl.t.tok == Tok.MINUS) {
            VclToken tk = tl.t;
            Add ap = findAdd(tk.tok, e.fmt, null);
            tl.next();
            Expr e2 = mul(ap == null && fmt == VccType.STRINGS ? VccType.STRINGS : e.fmt);
            if (tl.sb.err) {
                return null;
            }
            ap = findAdd(tk.tok, e.fmt, e2.fmt);
            if (ap != null) {
                VclExpr.Op op = ap.op == Tok.PLUS ? VclExpr.Op.ADD : VclExpr.Op.SUB;
                e = Expr.edit(ap.result, new VclExpr.Binary(op, e.node(), e2.node(),
                        ap.result.kind), e);
            } else if (tk.tok == Tok.PLUS
                    && (e.fmt == VccType.STRINGS || fmt == VccType.STRINGS)) {
                e = concat(e, e2);
            } else {
                tl.sb.cat(e.fmt.utype()).cat(" ").cat(tk.text()).cat(" ").cat(e2.fmt.utype())
                        .cat(" not possible.\n");
                tl.errWhere2(tk, tl.t);
                return null;
            }
        }
        return e;
    }

    /** String '+': literals fold into one; anything else adds a strand. */
    private Expr concat(Expr e, Expr e2) {
        if (e.fmt != VccType.STRINGS) {
            e = ex.toString(e);
        }
        if (e2.fmt != VccType.STRINGS) {
            e2 = ex.toString(e2);
        }
        Expr r = Expr.edit(VccType.STRINGS, null, e);
        if (e.isLiteral() && e2.isConst()) {
            boolean lit = e2.isLiteral();
            VclExpr a = e.node();
            VclExpr b = e2.node();
            if (a instanceof VclExpr.StringLiteral x && b instanceof VclExpr.StringLiteral y) {
                r.parts.add(new VclExpr.StringLiteral(x.value() + y.value()));
            } else {
                r.parts.addAll(e.parts);
                r.parts.addAll(e2.parts);
            }
            r.constant = Expr.CONST | (lit ? Expr.STR_CONST : 0);
            r.nstr = 1;
        } else {
            r.parts.addAll(e.parts);
            r.parts.addAll(e2.parts);
            r.constant = Expr.VAR;
            r.nstr = e.nstr + e2.nstr;
        }
        return r;
    }

    /** vcc_expr_mul: Expr4 { ('*' | '/' | '%') Expr4 }. */
    private Expr mul(VccType fmt) {
        Expr e = ex.expr4(fmt);
        if (tl.sb.err) {
            return null;
        }
        while (tl.t.tok == Tok.STAR || tl.t.tok == Tok.SLASH || tl.t.tok == Tok.PERCENT) {
            if (tl.t.tok == Tok.PERCENT && e.fmt != VccType.INT) {
                tl.sb.cat("Operator % only possible on INT.\n");
                tl.errWhere(tl.t);
                return null;
            }
            VccType f2 = e.fmt.multype();
            if (f2 == null) {
                tl.sb.cat("Operator ").cat(tl.t.text()).cat(" not possible on type ")
                        .cat(e.fmt.utype()).cat(".\n");
                tl.errWhere(tl.t);
                return null;
            }
            VclToken tk = tl.t;
            tl.next();
            Expr e2 = ex.expr4(f2);
            if (tl.sb.err) {
                return null;
            }
            if (e2.fmt != VccType.INT && e2.fmt != f2) {
                tl.sb.cat(e.fmt.utype()).cat(" ").cat(tk.text()).cat(" ").cat(e2.fmt.utype())
                        .cat(" not possible.\n");
                tl.errWhere(tk);
                return null;
            }
            VclExpr.Op op = tk.tok == Tok.STAR ? VclExpr.Op.MUL
                    : tk.tok == Tok.SLASH ? VclExpr.Op.DIV : VclExpr.Op.MOD;
            e = Expr.edit(e.fmt, new VclExpr.Binary(op, e.node(), e2.node(), e.fmt.kind), e);
        }
        return e;
    }
}
