package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a subroutine (vcc_action.c): set, unset, call, ban, hash_data,
 * synthetic and return. Each returns its model statement, or null after an error.
 */
final class Actions {
    /** One row of VCC's table of assignment operators (struct assign). */
    private record Assign(VccType type, Tok oper, VccType want, VclStatement.AssignOp op) {
    }

    private static final List<Assign> ASSIGNS = List.of(
            new Assign(VccType.INT, Tok.INCR, VccType.INT, VclStatement.AssignOp.ADD),
            new Assign(VccType.INT, Tok.DECR, VccType.INT, VclStatement.AssignOp.SUB),
            new Assign(VccType.INT, Tok.MUL, VccType.INT, VclStatement.AssignOp.MUL),
            new Assign(VccType.INT, Tok.DIV, VccType.INT, VclStatement.AssignOp.DIV),
            new Assign(VccType.INT, Tok.ASSIGN, VccType.INT, VclStatement.AssignOp.ASSIGN),
            new Assign(VccType.TIME, Tok.INCR, VccType.DURATION, VclStatement.AssignOp.ADD),
            new Assign(VccType.TIME, Tok.DECR, VccType.DURATION, VclStatement.AssignOp.SUB),
            new Assign(VccType.TIME, Tok.MUL, VccType.REAL, VclStatement.AssignOp.MUL),
            new Assign(VccType.TIME, Tok.DIV, VccType.REAL, VclStatement.AssignOp.DIV),
            new Assign(VccType.TIME, Tok.ASSIGN, VccType.TIME, VclStatement.AssignOp.ASSIGN),
            new Assign(VccType.DURATION, Tok.INCR, VccType.DURATION,
                    VclStatement.AssignOp.ADD),
            new Assign(VccType.DURATION, Tok.DECR, VccType.DURATION,
                    VclStatement.AssignOp.SUB),
            new Assign(VccType.DURATION, Tok.MUL, VccType.REAL, VclStatement.AssignOp.MUL),
            new Assign(VccType.DURATION, Tok.DIV, VccType.REAL, VclStatement.AssignOp.DIV),
            new Assign(VccType.DURATION, Tok.ASSIGN, VccType.DURATION,
                    VclStatement.AssignOp.ASSIGN),
            new Assign(VccType.STRING, Tok.INCR, VccType.STRANDS, VclStatement.AssignOp.ADD),
            new Assign(VccType.STRING, Tok.ASSIGN, VccType.STRANDS,
                    VclStatement.AssignOp.ASSIGN),
            new Assign(VccType.HEADER, Tok.INCR, VccType.STRANDS, VclStatement.AssignOp.ADD),
            new Assign(VccType.HEADER, Tok.ASSIGN, VccType.STRANDS,
                    VclStatement.AssignOp.ASSIGN),
            new Assign(VccType.BODY, Tok.ASSIGN, VccType.BODY, VclStatement.AssignOp.ASSIGN),
            new Assign(VccType.BODY, Tok.INCR, VccType.BODY, VclStatement.AssignOp.ADD));

    private final Compilation tl;

    Actions(Compilation tl) {
        this.tl = tl;
    }

    /** Runs the action of the statement's first symbol; {@code t} is its first token. */
    VclStatement act(VclToken t, Symbol sym) {
        switch (sym.action) {
            case BAN:
                return ban(t);
            case CALL:
                return call(t);
            case HASH_DATA:
                return hashData(t);
            case IF:
                return tl.parser.actIf(t);
            case NEW:
                return tl.imports.actNew(t);
            case RETURN:
                return actReturn(t);
            case SET:
                return set(t);
            case SYNTHETIC:
                return synthetic(t);
            case UNSET:
                return unset(t);
            case VMOD_CALL:
                return tl.expr.calls.actCall(t, sym);
            case OBJECT_CALL:
                return tl.expr.calls.actObj(t, sym);
            default:
                throw new IllegalStateException("symbol " + sym + " has no action");
        }
    }

    private VclStatement call(VclToken t) {
        if (!tl.expectErr(Tok.ID, Site.CALL_ID)) {
            return null;
        }
        VclToken t0 = tl.t;
        Symbols s = tl.symbols;
        Symbol sym = s.get(Symbols.Ns.MAIN, SymKind.NONE, Symbols.Mode.PARTIAL_NOERR,
                Symbols.Xref.REF);
        if (sym == null) {
            sym = s.get(Symbols.Ns.MAIN, SymKind.SUB, Symbols.Mode.CREATE, Symbols.Xref.REF);
            if (sym == null) {
                return null;
            }
            s.globalSymbol(sym, VccType.SUB);
        }
        if (sym.kind == SymKind.SUB) {
            Xref.addCall(tl, t0, sym);
            if (!tl.skip(Tok.SEMI, Site.CALL_SEMI)) {
                return null;
            }
            return new VclStatement.Call(new VclExpr.SubRef(sym.name), tl.pos(t));
        }
        tl.t = t0;
        tl.unique++;
        Expr e = tl.expr.expr(VccType.SUB);
        if (e == null || !tl.skip(Tok.SEMI, Site.CALL_DYNAMIC_SEMI)) {
            return null;
        }
        return new VclStatement.Call(e.node(), tl.pos(t));
    }

    private VclStatement set(VclToken t0) {
        if (!tl.expectErr(Tok.ID, Site.SET_ID)) {
            return null;
        }
        VclToken t = tl.t;
        Symbol sym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.VAR, Symbols.Mode.EXISTING,
                Symbols.Xref.NONE);
        if (tl.sb.err) {
            return null;
        }
        Xref.addUses(tl, t, tl.t, sym, Proc.XrefUse.WRITE);
        VccType type = sym.type;
        Assign ap = null;
        for (Assign a : ASSIGNS) {
            if (a.type == type && a.oper == tl.t.tok) {
                tl.next();
                type = a.want;
                ap = a;
                break;
            }
        }
        if (ap == null && !tl.skip(Tok.ASSIGN, Site.SET_OPERATOR)) {
            return null;
        }
        Expr e = tl.expr.expr(type);
        if (e == null || !tl.skip(Tok.SEMI, Site.SET_SEMI)) {
            return null;
        }
        VclStatement.AssignOp op = ap == null ? VclStatement.AssignOp.ASSIGN : ap.op;
        return new VclStatement.Set(Variables.of(sym), op, e.node(), tl.pos(t0));
    }

    private VclStatement unset(VclToken t0) {
        if (!tl.expectErr(Tok.ID, Site.UNSET_ID)) {
            return null;
        }
        VclToken t = tl.t;
        Symbol sym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.VAR, Symbols.Mode.EXISTING,
                Symbols.Xref.NONE);
        if (tl.sb.err) {
            return null;
        }
        if (sym.uMethods == 0) {
            tl.errWhere2(t, tl.t);
            tl.sb.cat("Variable cannot be unset.\n");
            return null;
        }
        Xref.addUses(tl, t, tl.t, sym, Proc.XrefUse.UNSET);
        if (!tl.skip(Tok.SEMI, Site.UNSET_SEMI)) {
            return null;
        }
        return new VclStatement.Unset(Variables.of(sym), tl.pos(t0));
    }

    private VclStatement ban(VclToken t0) {
        if (!tl.skip(Tok.LPAREN, Site.BAN_LPAREN)) {
            return null;
        }
        Expr e = tl.expr.expr(VccType.STRING);
        if (e == null || !tl.skip(Tok.RPAREN, Site.BAN_RPAREN)
                || !tl.skip(Tok.SEMI, Site.BAN_SEMI)) {
            return null;
        }
        return new VclStatement.Ban(e.node(), tl.pos(t0));
    }

    private VclStatement hashData(VclToken t0) {
        if (!tl.skip(Tok.LPAREN, Site.HASH_DATA_LPAREN)) {
            return null;
        }
        Expr e = tl.expr.expr(VccType.STRANDS);
        if (e == null || !tl.skip(Tok.RPAREN, Site.HASH_DATA_RPAREN)
                || !tl.skip(Tok.SEMI, Site.HASH_DATA_SEMI)) {
            return null;
        }
        return new VclStatement.HashData(e.node(), tl.pos(t0));
    }

    private VclStatement synthetic(VclToken t0) {
        if (!tl.expectErr(Tok.LPAREN, Site.SYNTHETIC_LPAREN)) {
            return null;
        }
        tl.next();
        Expr e = tl.expr.expr(VccType.STRANDS);
        if (e == null || !tl.skip(Tok.RPAREN, Site.SYNTHETIC_RPAREN)
                || !tl.skip(Tok.SEMI, Site.SYNTHETIC_SEMI)) {
            return null;
        }
        return new VclStatement.Synthetic(e.node(), tl.pos(t0));
    }

    /** The methods in which a return action is legal. */
    private int returnMask(String action) {
        int mask = 0;
        for (VclLanguage.Method m : tl.lang.methods) {
            if ((m.returnMask() & (1 << tl.lang.returnNumber(action))) != 0) {
                mask |= m.bit();
            }
        }
        return mask;
    }

    private VclStatement actReturn(VclToken t0) {
        if (tl.t.tok == Tok.SEMI && tl.curproc.method == null) {
            tl.skip(Tok.SEMI, Site.RETURN_BARE_SEMI);
            return new VclStatement.Return(null, List.of(), tl.pos(t0));
        }
        if (!tl.skip(Tok.LPAREN, Site.RETURN_LPAREN)) {
            return null;
        }
        if (!tl.expectErr(Tok.ID, Site.RETURN_ID)) {
            return null;
        }
        String action = null;
        for (String r : tl.lang.returns) {
            if (tl.t.idIs(r)) {
                action = r;
            }
        }
        if (action == null) {
            tl.sb.cat("Expected return action name.\n");
            tl.errWhere(tl.t);
            return null;
        }
        Xref.procAction(tl.curproc, tl.lang.returnNumber(action), returnMask(action), tl.t);
        tl.next();
        List<VclExpr> args = new ArrayList<>();
        if (tl.t.tok == Tok.LPAREN) {
            returnArguments(action, args);
        } else if (action.equals("synth") || action.equals("vcl")) {
            tl.sb.cat("Missing argument.\n");
            tl.errWhere(tl.t);
        }
        if (tl.sb.err) {
            return null;
        }
        if (!tl.skip(Tok.RPAREN, Site.RETURN_RPAREN) || !tl.skip(Tok.SEMI, Site.RETURN_SEMI)) {
            return null;
        }
        return new VclStatement.Return(action, args, tl.pos(t0));
    }

    private void returnArguments(String action, List<VclExpr> args) {
        switch (action) {
            case "synth":
            case "error":
                synthArguments(args);
                break;
            case "vcl":
                vclArgument(args);
                break;
            case "pass":
                oneArgument(VccType.DURATION, Site.RETURN_PASS_LPAREN, Site.RETURN_PASS_RPAREN,
                        args);
                break;
            case "fail":
                oneArgument(VccType.STRING, Site.RETURN_FAIL_LPAREN, Site.RETURN_FAIL_RPAREN,
                        args);
                break;
            default:
                tl.sb.cat("Arguments not allowed.\n");
                tl.errWhere(tl.t);
                break;
        }
    }

    private void oneArgument(VccType type, Site open, Site close, List<VclExpr> args) {
        if (!tl.skip(Tok.LPAREN, open)) {
            return;
        }
        Expr e = tl.expr.expr(type);
        if (e == null) {
            return;
        }
        args.add(e.node());
        tl.skip(Tok.RPAREN, close);
    }

    private void synthArguments(List<VclExpr> args) {
        if (!tl.skip(Tok.LPAREN, Site.RETURN_SYNTH_LPAREN)) {
            return;
        }
        Expr status = tl.expr.expr(VccType.INT);
        if (status == null) {
            return;
        }
        args.add(status.node());
        if (tl.t.tok == Tok.COMMA) {
            tl.next();
            Expr reason = tl.expr.expr(VccType.STRING);
            if (reason == null) {
                return;
            }
            args.add(reason.node());
        }
        tl.skip(Tok.RPAREN, Site.RETURN_SYNTH_RPAREN);
    }

    /** vcc_act_return_vcl: the label must exist when the VCL is compiled. */
    private void vclArgument(List<VclExpr> args) {
        if (!tl.skip(Tok.LPAREN, Site.RETURN_VCL_LPAREN)) {
            return;
        }
        if (!tl.expectErr(Tok.ID, Site.RETURN_VCL_ID)) {
            return;
        }
        VclToken t = tl.t;
        Symbol sym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.VCL, Symbols.Mode.EXISTING,
                Symbols.Xref.NONE);
        if (tl.sb.err) {
            return;
        }
        if (sym.evalPriv == null) {
            sym.evalPriv = "vgc_vcl_" + tl.unique++;
            tl.model.labels.add(sym.name);
            tl.model.step(InitStep.Kind.LABEL, sym.name, tl.pos(t));
        }
        args.add(new VclExpr.LabelRef(sym.name));
        tl.skip(Tok.RPAREN, Site.RETURN_VCL_RPAREN);
    }
}
