package vclab.vcc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The top level of VCL and the block structure of subroutines (vcc_parse.c): the version
 * declaration, the declarations, {@code sub} bodies with their statements, and if/else.
 */
final class TopLevelParser {
    /** The top-level keywords in VCC's order, as "Expected one of" lists them. */
    static final List<String> TOP_LEVEL =
            List.of("acl", "sub", "backend", "probe", "import", "vcl");

    private final Compilation tl;

    TopLevelParser(Compilation tl) {
        this.tl = tl;
    }

    /** vcc_Parse: the whole token stream. */
    void parse() {
        if (!tl.t.idIs("vcl")) {
            tl.sb.cat("VCL version declaration missing\n"
                    + "Update your VCL to Version 4 syntax, and add\n"
                    + "\tvcl 4.1;\n"
                    + "on the first line of the VCL files.\n");
            tl.errWhere(tl.t);
            return;
        }
        parseVcl();
        if (tl.sb.err) {
            return;
        }
        while (tl.t.tok != Tok.EOI) {
            if (tl.sb.err) {
                return;
            }
            switch (tl.t.tok) {
                case CSRC:
                    if (tl.settings.allowInlineC()) {
                        tl.next();
                    } else {
                        tl.sb.cat("Inline-C not allowed\n");
                        tl.errWhere(tl.t);
                    }
                    continue;
                case ID:
                    if (topLevel()) {
                        continue;
                    }
                    break;
                default:
                    break;
            }
            tl.sb.cat("Expected one of\n\t");
            for (int i = 0; i < TOP_LEVEL.size(); i++) {
                boolean last = i == TOP_LEVEL.size() - 1;
                if (last) {
                    tl.sb.cat(" or ");
                }
                tl.sb.cat("'").cat(TOP_LEVEL.get(i)).cat("'");
                if (!last) {
                    tl.sb.cat(", ");
                }
            }
            tl.sb.cat("\nFound: ");
            tl.errToken(tl.t);
            tl.sb.cat(" at\n");
            tl.errWhere(tl.t);
            return;
        }
    }

    /** Runs the parser of a top-level keyword; returns false for any other token. */
    private boolean topLevel() {
        VclToken t = tl.t;
        if (t.idIs("acl")) {
            tl.acls.parseAcl();
        } else if (t.idIs("sub")) {
            parseFunction();
        } else if (t.idIs("backend")) {
            tl.backends.parseBackend();
        } else if (t.idIs("probe")) {
            tl.probes.parseProbe();
        } else if (t.idIs("import")) {
            tl.imports.parseImport();
        } else if (t.idIs("vcl")) {
            parseVcl();
        } else {
            return false;
        }
        return true;
    }

    /** vcc_ParseVcl: "vcl 4.x;". */
    void parseVcl() {
        VclToken tok0 = tl.t;
        tl.next();
        tl.expect(Tok.FNUM, Site.VCL_VERSION_FNUM);
        String v = tl.t.text();
        if (v.length() != 3 || v.charAt(1) != '.') {
            tl.sb.cat("Don't play silly buggers with VCL version numbers\n");
            tl.errWhere(tl.t);
            if (tl.sb.err) {
                return;
            }
        }
        int syntax = v.length() >= 3 ? (v.charAt(0) - '0') * 10 + (v.charAt(2) - '0') : 0;
        tl.next();
        if (syntax < Symbols.VCL_LOW || syntax > Symbols.VCL_HIGH) {
            tl.sb.cat(String.format(Locale.ROOT, "VCL version %.1f not supported.\n",
                    .1 * syntax));
            tl.errWhere2(tok0, tl.t);
            return;
        }
        if (tl.t.tok != Tok.SEMI) {
            tl.sb.cat("Expected 'vcl N.N;' found no semi-colon\n");
            tl.errWhere2(tok0, tl.t);
            return;
        }
        tl.next();
        if (tl.syntax == 0) {
            tl.syntax = syntax;
        }
        if (syntax > tl.syntax) {
            tl.sb.cat(String.format(Locale.ROOT,
                    "VCL version %.1f higher than the top level version %.1f\n",
                    .1 * syntax, .1 * tl.syntax));
            tl.errWhere2(tok0, tl.t);
        }
    }

    /** vcc_ExpectVid: an identifier without dots, for the name of a declaration. */
    void expectVid(String what) {
        if (!tl.expectErr(Tok.ID, Site.VID_ID)) {
            return;
        }
        VclToken t2 = tl.peek();
        boolean bad = false;
        while (t2.tok == Tok.DOT) {
            bad = true;
            t2 = tl.peekFrom(t2);
            if (t2.tok != Tok.ID) {
                break;
            }
            t2 = tl.peekFrom(t2);
        }
        if (bad) {
            tl.sb.cat("Name of ").cat(what).cat(", '").cat(tl.tokenText(tl.t, t2))
                    .cat("', contains illegal character '.'\n");
            tl.errWhere2(tl.t, t2);
        }
    }

    /** vcc_ParseFunction: "sub NAME { ... }". */
    private void parseFunction() {
        tl.next();
        expectVid("subroutine");
        if (tl.sb.err) {
            return;
        }
        VclToken t = tl.t;
        Symbol sym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.SUB, Symbols.Mode.CREATE,
                Symbols.Xref.DEF);
        if (tl.sb.err) {
            return;
        }
        boolean inBuiltin = tl.builtin != null && tl.builtin.definesSub(t.text());
        Proc p = sym.proc;
        if (p == null) {
            if (tl.builtin != null && !inBuiltin && Compilation.hasVclPrefix(t.text())) {
                tl.sb.cat("The names 'vcl_*' are reserved for subroutines.\n");
                tl.errWhere(t);
                tl.sb.cat("Valid vcl_* subroutines are:\n");
                for (String name : tl.builtin.procNames()) {
                    tl.sb.cat("\t").cat(name).cat("\n");
                }
                return;
            }
            tl.symbols.globalSymbol(sym, VccType.SUB);
            p = tl.newProc(sym, null);
            p.name = t;
        } else if (p.method == null && !inBuiltin) {
            tl.sb.cat("Subroutine '").cat(sym.name).cat("' redefined\n");
            tl.errWhere(t);
            tl.sb.cat("Previously defined here:\n");
            tl.errWhere(p.name);
            return;
        } else if (p.name == null) {
            p.name = t;
        }
        tl.curproc = p;
        VclStatement.Block body = compound();
        if (body != null) {
            p.bodies.add(body);
        }
        tl.curproc = null;
    }

    /** vcc_Compound: "{ statements }". */
    VclStatement.Block compound() {
        VclToken open = tl.t;
        if (!tl.skip(Tok.LBRACE, Site.COMPOUND_LBRACE)) {
            return null;
        }
        List<VclStatement> body = new ArrayList<>();
        while (true) {
            if (tl.sb.err) {
                return null;
            }
            VclToken t = tl.t;
            switch (t.tok) {
                case LBRACE:
                    add(body, compound());
                    break;
                case RBRACE:
                    tl.next();
                    return new VclStatement.Block(body, tl.pos(open));
                case CSRC:
                    if (tl.settings.allowInlineC()) {
                        body.add(new VclStatement.InlineC(t.text(), tl.pos(t)));
                        tl.next();
                    } else {
                        tl.sb.cat("Inline-C not allowed\n");
                        tl.errWhere(tl.t);
                    }
                    break;
                case EOI:
                    tl.sb.cat("End of input while in compound statement\n");
                    tl.sb.err = true;
                    return null;
                case ID:
                    Symbol sym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.NONE,
                            Symbols.Mode.PARTIAL, Symbols.Xref.NONE);
                    if (sym == null) {
                        tl.sb.cat("Symbol not found.\n");
                        tl.errWhere(tl.t);
                        return null;
                    }
                    if (sym.action == Symbol.Action.NONE) {
                        tl.sb.cat("Symbol cannot be used here.\n");
                        tl.errWhere(tl.t);
                        return null;
                    }
                    if (sym.actionMask != 0) {
                        Xref.addUses(tl, t, null, sym, Proc.XrefUse.ACTION);
                    }
                    add(body, tl.actions.act(t, sym));
                    break;
                default:
                    tl.sb.cat("Expected an action, 'if', '{' or '}'\n");
                    tl.errWhere(tl.t);
                    return null;
            }
        }
    }

    private static void add(List<VclStatement> body, VclStatement s) {
        if (s != null) {
            body.add(s);
        }
    }

    /** vcc_Conditional: "( BOOL )". */
    private VclExpr conditional() {
        if (!tl.skip(Tok.LPAREN, Site.CONDITIONAL_LPAREN)) {
            return null;
        }
        Expr e = tl.expr.expr(VccType.BOOL);
        if (e == null || !tl.skip(Tok.RPAREN, Site.CONDITIONAL_RPAREN)) {
            return null;
        }
        return e.node();
    }

    /** vcc_Act_If: if, elseif/elsif/elif/else if and else branches. */
    VclStatement actIf(VclToken t0) {
        VclExpr cond = conditional();
        if (tl.sb.err) {
            return null;
        }
        VclStatement.Block then = compound();
        if (tl.sb.err) {
            return null;
        }
        List<VclStatement.ElseIf> elifs = new ArrayList<>();
        VclStatement.Block otherwise = null;
        while (tl.t.tok == Tok.ID) {
            VclToken tb = tl.t;
            if (tl.t.idIs("else")) {
                tl.next();
                if (tl.t.tok == Tok.LBRACE) {
                    otherwise = compound();
                    if (tl.sb.err) {
                        return null;
                    }
                    break;
                }
                if (!tl.t.idIs("if")) {
                    tl.sb.cat("'else' must be followed by 'if' or '{'\n");
                    tl.errWhere(tl.t);
                    return null;
                }
                tl.next();
            } else if (tl.t.idIs("elseif") || tl.t.idIs("elsif") || tl.t.idIs("elif")) {
                tl.next();
            } else {
                break;
            }
            VclExpr c = conditional();
            if (tl.sb.err) {
                return null;
            }
            VclStatement.Block b = compound();
            if (tl.sb.err) {
                return null;
            }
            elifs.add(new VclStatement.ElseIf(c, b, tl.pos(tb)));
        }
        return new VclStatement.If(cond, then, elifs, otherwise, tl.pos(t0));
    }
}
