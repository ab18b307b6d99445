package vclab.vcc;

/**
 * The checks VCC makes after parsing (vcc_xref.c): every backend, probe, ACL and
 * subroutine is defined and used, every return is legal in the methods that can reach it,
 * and every variable and action is used only where it is available.
 */
final class Xref {
    private final Compilation tl;

    Xref(Compilation tl) {
        this.tl = tl;
    }

    /** vcc_AddUses: records a use that only some methods allow. */
    static void addUses(Compilation tl, VclToken t1, VclToken t2, Symbol sym, Proc.XrefUse use) {
        if (tl.curproc == null) {
            return;
        }
        int mask;
        switch (use) {
            case READ:
                mask = sym.rMethods;
                break;
            case WRITE:
                mask = sym.wMethods;
                break;
            case UNSET:
                mask = sym.uMethods;
                break;
            default:
                mask = sym.actionMask;
                break;
        }
        tl.curproc.uses.add(new Proc.Use(t1, t2 != null ? t2 : tl.peekFrom(t1), sym, use, mask,
                tl.curproc));
    }

    static void addCall(Compilation tl, VclToken t, Symbol sym) {
        tl.curproc.calls.add(new Proc.Call(sym, t));
    }

    /** vcc_ProcAction: records a return and narrows the methods the sub can run in. */
    static void procAction(Proc p, int ret, int mask, VclToken t) {
        p.retBitmap |= 1 << ret;
        p.okmask &= mask;
        if (p.returnTok[ret] == null) {
            p.returnTok[ret] = t;
        }
    }

    /** vcc_CheckReferences: undefined and unused symbols; returns whether it failed. */
    boolean checkReferences() {
        tl.symbols.walk(Symbols.Ns.MAIN, SymKind.NONE, this::checkRef);
        return tl.sb.err;
    }

    private void checkRef(Symbol sym) {
        if (sym.noref) {
            return;
        }
        if (sym.ndef == 0 && sym.nref != 0) {
            tl.sb.cat("Undefined ").cat(sym.kind.label()).cat(" ").cat(sym.refB.text())
                    .cat(", first reference:\n");
            tl.errWhere(sym.refB);
        } else if (sym.ndef != 0 && sym.nref == 0) {
            tl.sb.cat("Unused ").cat(sym.kind.label()).cat(" ").cat(sym.defB.text())
                    .cat(", defined:\n");
            tl.errWhere(sym.defB);
            if (!tl.settings.errUnref()) {
                tl.sb.warn();
            }
        }
    }

    /** vcc_CheckAction: returns legal in every method that reaches them. */
    boolean checkAction() {
        tl.symbols.walk(Symbols.Ns.MAIN, SymKind.SUB, this::checkActionOf);
        return tl.sb.err;
    }

    private void checkActionOf(Symbol sym) {
        Proc p = sym.proc;
        int bitmap;
        if (p.method == null) {
            bitmap = ~0;
        } else {
            bitmap = p.method.returnMask();
            p.calledFrom = p.method.bit();
        }
        if (!checkActionRecurse(p, bitmap)) {
            return;
        }
        tl.sb.err = true;
        if (p.method == null) {
            return;
        }
        tl.sb.cat("\n...which is the \"").cat(p.method.vclName()).cat("\" subroutine\n");
        tl.sb.cat("Legal returns are:");
        for (int r = 1; r <= tl.lang.returns.size(); r++) {
            if ((p.method.returnMask() & (1 << r)) != 0) {
                tl.sb.cat(" \"").cat(tl.lang.returns.get(r - 1)).cat("\"");
            }
        }
        tl.sb.cat("\n");
    }

    /** Returns true after reporting an error. */
    private boolean checkActionRecurse(Proc p, int bitmap) {
        if (p.active) {
            tl.sb.cat("Subroutine recurses on\n");
            tl.errWhere(p.name);
            return true;
        }
        int u = p.retBitmap & ~bitmap;
        if (u != 0) {
            for (int r = 1; r <= tl.lang.returns.size(); r++) {
                if ((u & (1 << r)) != 0) {
                    tl.sb.cat("Invalid return \"").cat(tl.lang.returns.get(r - 1)).cat("\"\n");
                    tl.errWhere(p.returnTok[r]);
                }
            }
            tl.sb.cat("\n...in subroutine \"").cat(p.name.text()).cat("\"\n");
            tl.errWhere(p.name);
            return true;
        }
        int dynamic = p.sym.nref > p.called ? 1 : 0;
        p.active = true;
        for (Proc.Call pc : p.calls) {
            Proc callee = pc.sym().proc;
            if (callee == null) {
                tl.sb.cat("Subroutine ").cat(pc.sym().name).cat(" does not exist\n");
                tl.errWhere(pc.t());
                return true;
            }
            callee.calledFrom |= p.calledFrom;
            callee.called++;
            pc.sym().nref += dynamic;
            if (checkActionRecurse(callee, bitmap)) {
                tl.sb.cat("\n...called from \"").cat(p.name.text()).cat("\"\n");
                tl.errWhere(pc.t());
                return true;
            }
            p.okmask &= callee.okmask;
        }
        p.active = false;
        return false;
    }

    /** vcc_CheckUses: variables and actions used only where they are available. */
    boolean checkUses() {
        tl.symbols.walk(Symbols.Ns.MAIN, SymKind.SUB, this::checkUsesOf);
        if (tl.sb.err) {
            return true;
        }
        tl.symbols.walk(Symbols.Ns.MAIN, SymKind.SUB, this::checkPossible);
        return tl.sb.err;
    }

    private Proc.Use illegalWrite(Proc.Use pu, VclLanguage.Method m) {
        if (pu.mask != 0 || pu.use != Proc.XrefUse.WRITE) {
            return null;
        }
        if (pu.sym.rMethods == 0) {
            tl.errWhere2(pu.t1, pu.t2);
            tl.sb.cat("Variable cannot be set.\n");
            return null;
        }
        if ((pu.sym.rMethods & m.bit()) == 0) {
            pu.use = Proc.XrefUse.READ;
            return pu;
        }
        tl.errWhere2(pu.t1, pu.t2);
        tl.sb.cat("Variable is read only.\n");
        return null;
    }

    private Proc.Use findIllegalUse(Proc p, VclLanguage.Method m) {
        Proc.Use r = null;
        for (Proc.Use pu : p.uses) {
            p.okmask &= pu.mask;
            if (m == null) {
                continue;
            }
            Proc.Use pw = illegalWrite(pu, m);
            if (r != null) {
                continue;
            }
            if (tl.sb.err) {
                r = pw;
            } else if ((pu.mask & m.bit()) == 0) {
                r = pu;
            }
        }
        return r;
    }

    private boolean checkUseRecurse(Proc p, VclLanguage.Method m) {
        Proc.Use pu = findIllegalUse(p, m);
        if (pu != null) {
            tl.errWhere2(pu.t1, pu.t2);
            tl.sb.cat(pu.use.err).cat(" from subroutine '").cat(m.vclName()).cat("'.\n");
            tl.sb.cat("\n...in subroutine \"").cat(pu.from.name.text()).cat("\"\n");
            tl.errWhere(p.name);
            return true;
        }
        if (tl.sb.err) {
            return true;
        }
        for (Proc.Call pc : p.calls) {
            if (checkUseRecurse(pc.sym().proc, m)) {
                tl.sb.cat("\n...called from \"").cat(p.name.text()).cat("\"\n");
                tl.errWhere(pc.t());
                return true;
            }
            p.okmask &= pc.sym().proc.okmask;
        }
        return false;
    }

    private void checkUsesOf(Symbol sym) {
        Proc p = sym.proc;
        Proc.Use pu = findIllegalUse(p, p.method);
        if (pu != null) {
            tl.errWhere2(pu.t1, pu.t2);
            tl.sb.cat(pu.use.err).cat(" in subroutine '").cat(p.name.text()).cat("'.");
            tl.sb.cat("\nAt: ");
            return;
        }
        if (tl.sb.err) {
            return;
        }
        if (checkUseRecurse(p, p.method)) {
            tl.sb.cat("\n...which is the \"").cat(p.method.vclName()).cat("\" subroutine\n");
        }
    }

    private void checkPossible(Symbol sym) {
        Proc p = sym.proc;
        if (p.okmask != 0) {
            return;
        }
        tl.sb.cat("Impossible Subroutine");
        tl.errWhere(p.name);
    }
}
