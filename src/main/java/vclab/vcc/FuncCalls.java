package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls of VMOD functions, object constructors and methods, and of regsub() (vcc_func and
 * friends in vcc_expr.c). Arguments are taken positionally until the first "name =", then
 * by name; the model gets one {@link VclExpr.Argument} per declared parameter.
 */
final class FuncCalls {
    /** One parameter while its argument is being matched (struct func_arg). */
    private static final class FuncArg {
        VmodSpec.Arg spec;
        VccType type;
        String name;
        VclExpr result;
        boolean avail;
        boolean optional;
    }

    private final Compilation tl;
    private final Expressions ex;

    FuncCalls(Compilation tl, Expressions ex) {
        this.tl = tl;
        this.ex = ex;
    }

    /** vcc_Eval_SymFunc: a function call in an expression; {@code e} is the object, if any. */
    Expr symFunc(Expr e, VclToken t, Symbol sym) {
        Expr r = func(e, (VmodSpec.Function) sym.evalPriv, sym);
        if (tl.sb.err) {
            return null;
        }
        if (r.fmt == VccType.STRING) {
            r.fmt = VccType.STRINGS;
            r.nstr = 1;
        }
        return r;
    }

    /**
     * vcc_func. For a method, {@code e} is the instance expression and the current token
     * is the method's name.
     */
    Expr func(Expr e, VmodSpec.Function spec, Symbol sym) {
        VccType rfmt = VccType.of(spec.returnType());
        boolean sa = spec.hasStructArgs();
        if (sym.kind == SymKind.METHOD) {
            if (e == null || e.instance == null) {
                tl.sb.cat("Syntax error.");
                tl.sb.err = true;
                return null;
            }
            tl.next();
        }
        VclToken tf = tl.prev(tl.t);
        if (!tl.skip(Tok.LPAREN, Site.FUNC_LPAREN)) {
            return null;
        }
        List<FuncArg> head = new ArrayList<>();
        for (VmodSpec.Arg a : spec.args()) {
            FuncArg fa = new FuncArg();
            fa.spec = a;
            fa.name = a.name();
            head.add(fa);
            if (a.priv() != null) {
                fa.result = privArg(a.priv(), sym);
                continue;
            }
            fa.type = VccType.of(a.type());
            fa.optional = sa && a.optional();
        }
        if (!positional(head) || !named(head)) {
            return null;
        }
        List<VclExpr.Argument> args = new ArrayList<>();
        int n = 0;
        for (FuncArg fa : head) {
            n++;
            if (fa.result == null && fa.spec.defaultValue() != null) {
                fa.result = Defaults.value(fa.spec);
            }
            if (fa.result == null && !fa.optional) {
                if (fa.name != null) {
                    tl.sb.cat("Argument '").cat(fa.name).cat("' missing\n");
                } else {
                    tl.sb.cat("Argument ").cat(String.valueOf(n)).cat(" missing\n");
                }
                tl.errWhere(tl.t);
            }
            VclType type = fa.spec.priv() != null ? null : fa.spec.type();
            VclExpr value = fa.spec.priv() != null ? null : fa.result;
            args.add(new VclExpr.Argument(fa.name, type, fa.spec.priv(), value, fa.avail));
        }
        if (!tl.skip(Tok.RPAREN, Site.FUNC_RPAREN)) {
            return null;
        }
        Xref.addUses(tl, tf, null, sym, Proc.XrefUse.READ);
        return new Expr(rfmt, node(e, spec, sym, args));
    }

    private VclExpr node(Expr e, VmodSpec.Function spec, Symbol sym,
            List<VclExpr.Argument> args) {
        if (sym.kind == SymKind.METHOD) {
            Symbol inst = e.instance;
            return new VclExpr.MethodCall(inst.name, inst.type.name, spec.name(), spec, args);
        }
        if (sym.kind == SymKind.OBJECT) {
            return new VclExpr.VmodCall(sym.vmodName, sym.name, spec, args);
        }
        return new VclExpr.VmodCall(sym.vmodName, spec.name(), spec, args);
    }

    private boolean positional(List<FuncArg> head) {
        for (FuncArg fa : head) {
            if (tl.t.tok == Tok.RPAREN) {
                break;
            }
            if (fa.result != null) {
                continue;
            }
            if (tl.t.tok == Tok.ID && tl.peek().tok == Tok.ASSIGN) {
                break;
            }
            doArg(fa);
            if (tl.sb.err) {
                tl.sb.cat("Expected argument: ").cat(fa.type.name).cat(" ")
                        .cat(fa.name != null ? fa.name : "(unnamed argument)").cat("\n\n");
                return false;
            }
            if (tl.t.tok == Tok.RPAREN) {
                break;
            }
            if (!tl.skip(Tok.COMMA, Site.FUNC_POSITIONAL_COMMA)) {
                return false;
            }
        }
        return true;
    }

    private boolean named(List<FuncArg> head) {
        while (tl.t.tok == Tok.ID) {
            FuncArg fa = null;
            for (FuncArg x : head) {
                if (x.name != null && tl.t.idIs(x.name)) {
                    fa = x;
                    break;
                }
            }
            if (fa == null) {
                tl.sb.cat("Unknown argument '").cat(tl.t.text()).cat("'\n");
                tl.errWhere(tl.t);
                return false;
            }
            if (fa.result != null) {
                tl.sb.cat("Argument '").cat(fa.name).cat("' already used\n");
                tl.errWhere(tl.t);
                return false;
            }
            tl.next();
            if (!tl.skip(Tok.ASSIGN, Site.FUNC_NAMED_ASSIGN)) {
                return false;
            }
            doArg(fa);
            if (tl.sb.err) {
                return false;
            }
            if (tl.t.tok == Tok.RPAREN) {
                break;
            }
            if (!tl.skip(Tok.COMMA, Site.FUNC_NAMED_COMMA)) {
                return false;
            }
        }
        return true;
    }

    /** vcc_do_arg: an ENUM value, or an expression of the parameter's type. */
    private void doArg(FuncArg fa) {
        if (fa.type == VccType.ENUM) {
            if (!tl.expectErr(Tok.ID, Site.ARG_ENUM_ID)) {
                return;
            }
            String value = null;
            for (String v : fa.spec.enumValues()) {
                if (tl.t.idIs(v)) {
                    value = v;
                    break;
                }
            }
            if (value == null) {
                tl.sb.cat("Wrong enum value.  Expected one of:\n");
                for (String v : fa.spec.enumValues()) {
                    tl.sb.cat("\t").cat(v).cat("\n");
                }
                tl.errWhere(tl.t);
                return;
            }
            fa.result = new VclExpr.EnumLiteral(value);
            if (!tl.skip(Tok.ID, Site.ARG_ENUM_SKIP)) {
                return;
            }
        } else {
            Expr e2 = ex.expr0(fa.type);
            if (tl.sb.err) {
                return;
            }
            fa.result = e2.node();
        }
        fa.avail = true;
    }

    /** vcc_priv_arg: PRIV_TOP restricts the function to client subroutines. */
    private VclExpr privArg(String priv, Symbol sym) {
        if (priv.equals("PRIV_TOP")) {
            sym.rMethods &= tl.lang.taskMask('C');
        }
        return new VclExpr.StringLiteral(priv);
    }

    /** vcc_Eval_Func: a constructor call for {@code new}; null after an error. */
    VclExpr.VmodCall evalFunc(VmodSpec.Function spec, Symbol sym) {
        Expr e = func(null, spec, sym);
        if (tl.sb.err) {
            tl.sb.cat("While compiling function call:\n");
            return null;
        }
        return (VclExpr.VmodCall) e.node();
    }

    /** vcc_Act_Call: a function called as a statement. */
    VclStatement actCall(VclToken t, Symbol sym) {
        Expr e = func(null, (VmodSpec.Function) sym.evalPriv, sym);
        if (!tl.sb.err) {
            if (!tl.skip(Tok.SEMI, Site.ACT_CALL_SEMI)) {
                return null;
            }
            return new VclStatement.Expression(e.node(), tl.pos(t));
        } else if (t != tl.t) {
            tl.sb.cat("While compiling function call:\n\n");
            tl.errWhere2(t, tl.t);
        }
        return null;
    }

    /** vcc_Act_Obj: an object's method called as a statement. */
    VclStatement actObj(VclToken t, Symbol sym) {
        if (!tl.expectErr(Tok.DOT, Site.ACT_OBJECT_DOT)) {
            return null;
        }
        tl.t = t;
        Expr e = ex.expr4(sym.type);
        if (tl.sb.err) {
            return null;
        }
        if (!tl.skip(Tok.SEMI, Site.ACT_OBJECT_SEMI)) {
            return null;
        }
        return new VclStatement.Expression(e.node(), tl.pos(t));
    }

    /** vcc_Eval_Regsub: regsub(STRING, REGEX, STRING), the current token after the name. */
    Expr regsub(boolean all) {
        if (!tl.skip(Tok.LPAREN, Site.REGSUB_LPAREN)) {
            return null;
        }
        Expr e2 = ex.expr0(VccType.STRING);
        if (tl.sb.err) {
            return null;
        }
        if (!tl.skip(Tok.COMMA, Site.REGSUB_COMMA1)) {
            return null;
        }
        Expr e3 = ex.expr0(VccType.REGEX);
        if (tl.sb.err) {
            return null;
        }
        if (!tl.skip(Tok.COMMA, Site.REGSUB_COMMA2)) {
            return null;
        }
        Expr e4 = ex.expr0(VccType.STRING);
        if (tl.sb.err) {
            return null;
        }
        Expr e = Expr.edit(VccType.STRINGS,
                new VclExpr.Regsub(all, e2.node(), e3.node(), e4.node()), e2);
        e.nstr = 1;
        if (!tl.skip(Tok.RPAREN, Site.REGSUB_RPAREN)) {
            return null;
        }
        return e;
    }
}
