package vclab.vcc;

/**
 * The typed expression compiler (vcc_expr.c). Like VCC it parses with the type it wants:
 * a number followed by a word is a DURATION, a string is a REGEX right of '~', an unknown
 * name is a new backend where a BACKEND is expected. Operators are in {@link Operators},
 * function calls in {@link FuncCalls}. Methods return null after reporting an error.
 */
final class Expressions {
    private final Compilation tl;
    final Operators ops;
    final FuncCalls calls;

    Expressions(Compilation tl) {
        this.tl = tl;
        this.ops = new Operators(tl, this);
        this.calls = new FuncCalls(tl, this);
    }

    /** vcc_Expr: an expression of exactly type {@code fmt}, or null after an error. */
    Expr expr(VccType fmt) {
        return expr0(fmt);
    }

    /** vcc_expr0: parses and converts to {@code fmt}. */
    Expr expr0(VccType fmt) {
        VclToken t1 = tl.t;
        Expr e = ops.cor(fmt.isStringForm() ? VccType.STRINGS : fmt);
        if (tl.sb.err) {
            return null;
        }
        if (e.fmt == fmt) {
            return e;
        }
        if (e.fmt != VccType.STRINGS && fmt.isStringForm()) {
            e = toString(e);
        }
        if (e.fmt.isStringForm()) {
            tl.sb.cat("Cannot convert type ").cat(e.fmt.utype()).cat("(").cat(e.fmt.name)
                    .cat(") to ").cat(fmt.utype()).cat("(").cat(fmt.name).cat(")\n");
            tl.errWhere2(t1, tl.t);
            return null;
        }
        if (fmt == VccType.BODY && !e.fmt.isBodyForm()) {
            e = toString(e);
        }
        if (fmt == VccType.BODY && e.fmt.isBodyForm()) {
            e = Expr.edit(VccType.BODY, new VclExpr.ToBody(e.node()), e);
        }
        if (e.fmt == VccType.STRINGS && fmt.isStringForm()) {
            e = Expr.edit(fmt, e.node(), e);
        }
        if (fmt == VccType.BOOL) {
            e = toBool(e);
            if (tl.sb.err) {
                return null;
            }
        }
        typecheck(e, fmt, t1);
        return tl.sb.err ? null : e;
    }

    /** vcc_expr_typecheck. */
    void typecheck(Expr e, VccType fmt, VclToken t1) {
        if (fmt != e.fmt) {
            tl.sb.cat("Expression has type ").cat(e.fmt.utype()).cat(", expected ")
                    .cat(fmt.utype()).cat("\n");
            tl.errWhere2(t1, tl.t);
        }
    }

    /**
     * vcc_expr_tostring: converts to STRINGS, or reports "Cannot convert" and returns the
     * expression unchanged (VCC carries on until its next error check).
     */
    Expr toString(Expr e) {
        if (e.fmt.hasToString) {
            Expr r = Expr.edit(VccType.STRINGS, new VclExpr.ToString(e.node()), e);
            r.constant = Expr.VAR;
            r.nstr = 1;
            return r;
        }
        tl.sb.cat("Cannot convert ").cat(e.fmt.utype()).cat(" to STRING.\n");
        tl.errWhere2(e.t1, tl.t);
        return e;
    }

    /** vcc_expr_tobool: the implicit conversions to BOOL. */
    Expr toBool(Expr e) {
        if (e.fmt == VccType.BOOL) {
            return e;
        }
        if (e.fmt == VccType.BACKEND || e.fmt == VccType.INT || e.fmt == VccType.DURATION
                || e.fmt == VccType.STRINGS) {
            return Expr.edit(VccType.BOOL, new VclExpr.ToBool(e.node()), e);
        }
        return e;
    }

    /** vcc_expr4: a primary followed by ".property" or ".method()" of its type. */
    Expr expr4(VccType fmt) {
        Expr e = expr5(fmt);
        if (tl.sb.err) {
            return null;
        }
        while (tl.t.tok == Tok.DOT) {
            tl.next();
            if (!tl.expectErr(Tok.ID, Site.EXPR_PROPERTY_ID)) {
                return null;
            }
            Symbol sym = tl.symbols.typeSymbol(SymKind.METHOD, e.fmt);
            if (sym == null) {
                tl.sb.cat("Unknown property ");
                tl.errToken(tl.t);
                tl.sb.cat(" for type ").cat(e.fmt.name).cat("\n");
                tl.errWhere(tl.t);
                return null;
            }
            e = evalMethod(e, sym);
            if (tl.sb.err) {
                return null;
            }
            if (e.fmt == VccType.STRING) {
                e.fmt = VccType.STRINGS;
                e.nstr = 1;
            }
        }
        return e;
    }

    private Expr evalMethod(Expr e, Symbol sym) {
        if (sym.eval == Symbol.Eval.SYMFUNC) {
            return calls.symFunc(e, tl.t, sym);
        }
        VccType.Method m = (VccType.Method) sym.evalPriv;
        tl.next();
        if (m.isFunction()) {
            tl.expect(Tok.LPAREN, Site.TYPE_METHOD_LPAREN);
            if (tl.sb.err) {
                return null;
            }
            tl.next();
            tl.expect(Tok.RPAREN, Site.TYPE_METHOD_RPAREN);
            if (tl.sb.err) {
                return null;
            }
            tl.next();
        }
        VccType type = sym.type;
        return Expr.edit(type, new VclExpr.TypeMethod(e.node(), m.name(), type.kind), e);
    }

    /** vcc_expr5: a parenthesized expression, a symbol, a number, a string or a BLOB. */
    Expr expr5(VccType fmt) {
        if (tl.t.tok == Tok.LPAREN) {
            if (!tl.skip(Tok.LPAREN, Site.EXPR_LPAREN)) {
                return null;
            }
            Expr e2 = ops.cor(fmt);
            if (tl.sb.err) {
                return null;
            }
            if (!tl.skip(Tok.RPAREN, Site.EXPR_RPAREN)) {
                return null;
            }
            return e2.fmt == VccType.STRINGS ? e2 : Expr.edit(e2.fmt, e2.node(), e2);
        }
        switch (tl.t.tok) {
            case ID:
                return symbol(fmt);
            case CSTR:
                return string(fmt);
            case MINUS:
                if (fmt != VccType.INT && fmt != VccType.REAL && fmt != VccType.DURATION
                        && fmt != VccType.STRINGS) {
                    break;
                }
                tl.next();
                if (tl.t.tok != Tok.FNUM && tl.t.tok != Tok.CNUM) {
                    Expr e1 = ops.cor(fmt);
                    if (tl.sb.err) {
                        return null;
                    }
                    return Expr.edit(e1.fmt, new VclExpr.Negate(e1.node(), e1.fmt.kind), e1);
                }
                return number(fmt, true);
            case FNUM:
            case CNUM:
                return number(fmt, false);
            case CBLOB:
                Expr b = new Expr(VccType.BLOB, new VclExpr.BlobLiteral(tl.t.blob));
                b.constant |= Expr.STR_CONST;
                b.t1 = tl.t;
                tl.next();
                return b;
            default:
                break;
        }
        tl.sb.cat("Unknown token ");
        tl.errToken(tl.t);
        tl.sb.cat(" when looking for ").cat(fmt.utype()).cat("\n\n");
        tl.errWhere(tl.t);
        return null;
    }

    private Expr symbol(VccType fmt) {
        VclToken t = tl.t;
        VclToken t1 = tl.peek();
        Symbols s = tl.symbols;
        Symbol sym = s.get(Symbols.Ns.MAIN, SymKind.NONE, Symbols.Mode.PARTIAL_NOERR,
                Symbols.Xref.REF);
        if (sym == null && fmt.globalPrefix != null && t1.tok != Tok.DOT) {
            sym = s.get(Symbols.Ns.MAIN, SymKind.NONE, Symbols.Mode.CREATE, Symbols.Xref.REF);
            if (tl.sb.err) {
                return null;
            }
            s.globalSymbol(sym, fmt);
        }
        if (tl.sb.err) {
            return null;
        }
        if (sym == null) {
            s.get(Symbols.Ns.MAIN, SymKind.NONE, Symbols.Mode.PARTIAL, Symbols.Xref.REF);
            return null;
        }
        if (sym.kind == SymKind.INSTANCE) {
            Expr e = new Expr(sym.type, new VclExpr.InstanceRef(sym.name, sym.type.name));
            e.instance = sym;
            return e;
        }
        if (sym.kind == SymKind.FUNC && sym.type == VccType.VOID) {
            tl.sb.cat("Function returns VOID:\n");
            tl.errWhere(tl.t);
            return null;
        }
        if (sym.eval != Symbol.Eval.NONE) {
            Expr e = eval(t, sym, fmt);
            if (tl.sb.err) {
                tl.sb.cat("While compiling function call:\n\n");
                tl.errWhere2(t, tl.t);
                return null;
            }
            if (e != null && fmt != VccType.HEADER && e.fmt == VccType.HEADER) {
                e = toString(e);
                if (tl.sb.err) {
                    return null;
                }
            }
            return e;
        }
        tl.sb.cat("Symbol '").cat(t.text()).cat("' type (").cat(sym.kind.label())
                .cat(tl.v71() ? ") can not be used in expression.\n"
                        : ") cannot be used in expression.\n");
        tl.errWhere(t);
        if (sym.defB != null) {
            tl.sb.cat("That symbol was defined here:\n");
            tl.errWhere(sym.defB);
        }
        return null;
    }

    /** Dispatches VCC's sym->eval. */
    private Expr eval(VclToken t, Symbol sym, VccType fmt) {
        switch (sym.eval) {
            case VAR:
            case PROTECTED_HEADER:
                return evalVar(t, sym);
            case HANDLE:
                return evalHandle(sym, fmt);
            case SUB:
                if (fmt == VccType.SUB) {
                    Expr e = new Expr(VccType.SUB, new VclExpr.SubRef(sym.name));
                    e.constant = Expr.CONST;
                    return e;
                }
                tl.sb.cat("Symbol '").cat(sym.name).cat("' can only be used as a ")
                        .cat(sym.type.name).cat(" expression\n");
                tl.errWhere(tl.t);
                return null;
            case SYMFUNC:
                return calls.symFunc(null, t, sym);
            case REGSUB:
                return calls.regsub(sym.evalPriv != null);
            case BOOL_CONST:
                Expr b = new Expr(VccType.BOOL, new VclExpr.BoolLiteral(sym.evalPriv != null));
                b.constant = Expr.CONST;
                return b;
            case DEFAULT:
                return evalDefault(t, fmt);
            default:
                throw new IllegalStateException("symbol " + sym + " has no evaluation");
        }
    }

    /** vcc_Eval_Var: reading a variable, legal only in some methods. */
    Expr evalVar(VclToken t, Symbol sym) {
        Xref.addUses(tl, t, null, sym, Proc.XrefUse.READ);
        Expr e = new Expr(sym.type, Variables.read(sym));
        e.constant = Expr.VAR;
        e.nstr = 1;
        if (e.fmt == VccType.STRING) {
            e.fmt = VccType.STRINGS;
        }
        return e;
    }

    /** vcc_Eval_Handle: a backend, probe, ACL or stevedore; its name where a string is wanted. */
    private Expr evalHandle(Symbol sym, VccType type) {
        if (!sym.type.hasToString && sym.type != VccType.STRING && type == VccType.STRINGS) {
            Expr e = new Expr(VccType.STRINGS, new VclExpr.StringLiteral(sym.name));
            e.nstr = 1;
            e.constant |= Expr.CONST | Expr.STR_CONST;
            return e;
        }
        Expr e = new Expr(sym.type, Handles.ref(sym));
        e.constant = Expr.VAR;
        e.nstr = 1;
        if (e.fmt == VccType.STRING) {
            e.fmt = VccType.STRINGS;
        }
        return e;
    }

    /** vcc_Eval_Default: "default" is the default backend or probe. */
    private Expr evalDefault(VclToken t, VccType fmt) {
        if (fmt == VccType.PROBE) {
            if (tl.v71()) {
                tl.probes.defaultProbe();
            }
            // NOTE: Varnish 8.0 leaves a missing default probe to the C compiler, which
            // fails with a message vclab does not reproduce; vclab accepts the VCL.
            return new Expr(VccType.PROBE, new VclExpr.DefaultProbe());
        }
        if (fmt == VccType.BACKEND) {
            return new Expr(VccType.BACKEND, new VclExpr.DefaultBackend());
        }
        tl.sb.cat("Symbol 'default' is a reserved word.\n");
        tl.errWhere(t);
        return null;
    }

    private Expr string(VccType fmt) {
        VclToken t = tl.t;
        Expr e1;
        if (fmt == VccType.IP) {
            if (t.dec.startsWith("/")) {
                tl.sb.cat("Cannot convert to an IP address: ");
                tl.errToken(t);
                tl.errWhere(t);
                return null;
            }
            Addresses.Resolved r = Addresses.resolve(tl, t.dec, "80", 1, t, "IP constant");
            if (tl.sb.err) {
                return null;
            }
            String a = r.ipv4() != null ? r.ipv4() : r.ipv6();
            e1 = new Expr(VccType.IP, new VclExpr.IpLiteral(t.dec, a, r.port()));
        } else if (fmt == VccType.REGEX) {
            String pattern = Regexes.compile(tl);
            if (pattern == null) {
                return null;
            }
            e1 = new Expr(VccType.REGEX, new VclExpr.RegexLiteral(pattern));
        } else {
            e1 = new Expr(VccType.STRINGS, new VclExpr.StringLiteral(t.dec));
            e1.constant |= Expr.STR_CONST;
            e1.nstr = 1;
        }
        e1.t1 = t;
        e1.constant |= Expr.CONST;
        tl.next();
        return e1;
    }

    /** vcc_number: INT, REAL, DURATION (a number and a unit) or BYTES. */
    private Expr number(VccType fmt, boolean negative) {
        Expr e1;
        double sign = negative ? -1 : 1;
        if (fmt == VccType.BYTES) {
            long v = Units.byteVal(tl);
            if (tl.sb.err) {
                return null;
            }
            e1 = new Expr(VccType.BYTES, new VclExpr.BytesLiteral(negative ? -v : v));
        } else {
            VclToken t = tl.t;
            tl.next();
            if (tl.t.tok == Tok.ID) {
                double scale = Units.durationUnit(tl);
                if (tl.sb.err) {
                    return null;
                }
                e1 = new Expr(VccType.DURATION,
                        new VclExpr.DurationLiteral(sign * t.num * scale));
            } else if (fmt == VccType.REAL || t.tok == Tok.FNUM) {
                e1 = new Expr(VccType.REAL, new VclExpr.RealLiteral(sign * t.num));
            } else {
                e1 = new Expr(VccType.INT, new VclExpr.IntLiteral((long) (sign * t.num)));
            }
        }
        e1.constant = Expr.CONST;
        return e1;
    }
}
