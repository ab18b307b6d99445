package vclab.vcc;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The symbol table of a compilation (vcc_symb.c): two trees, the main namespace and the
 * one of type methods, with VCC's lookup rules. A lookup starts at the current token and
 * follows "." and further names as far as symbols exist. Depending on the mode, a missing
 * symbol is then created, reported, or left to the caller.
 */
final class Symbols {
    static final int VCL_LOW = 40;
    static final int VCL_HIGH = 41;

    enum Ns {
        MAIN, TYPE
    }

    /** VCC's symmode: the text of a "not found" error, and its noerr and partial flags. */
    enum Mode {
        NOERR("sym_noerror", true, false),
        CREATE("sym_create", false, false),
        EXISTING("Symbol not found", false, false),
        PARTIAL("Symbol not found", false, true),
        PARTIAL_NOERR("Symbol not found", true, true);

        final String text;
        final boolean noerr;
        final boolean partial;

        Mode(String text, boolean noerr, boolean partial) {
            this.text = text;
            this.noerr = noerr;
            this.partial = partial;
        }
    }

    enum Xref {
        NONE, DEF, REF
    }

    private final Compilation tl;
    private final SymTab mainRoot = new SymTab("", null);
    private final SymTab typeRoot = new SymTab("", null);

    Symbols(Compilation tl) {
        this.tl = tl;
    }

    SymTab root(Ns ns) {
        return ns == Ns.MAIN ? mainRoot : typeRoot;
    }

    /** vcc_symtab_str: walks to (creating) the node of a name; IDs split at '.'. */
    SymTab symtabStr(SymTab st, String s, boolean isId) {
        int b = 0;
        int e = s.length();
        while (b < e) {
            int q = e;
            if (isId) {
                q = s.indexOf('.', b);
                if (q < 0) {
                    q = e;
                }
            }
            st = st.child(s, b, q);
            b = q + 1;
        }
        return st;
    }

    Symbol newSymbol(SymTab st, SymKind kind, int vlo, int vhi) {
        Symbol sym = new Symbol(st, kind, vlo, vhi);
        st.symbols.add(sym);
        return sym;
    }

    /**
     * vcc_sym_in_tab: the symbol of a node valid for the versions and kind, or one made by
     * the wildcard of the parent node's first symbol.
     */
    Symbol symInTab(SymTab st, SymKind kind, int vlo, int vhi) {
        for (Symbol sym : st.symbols) {
            if (sym.lorev > vhi || sym.hirev < vlo) {
                continue;
            }
            boolean wild = sym.wildcard != Symbol.Wildcard.NONE;
            if (kind == SymKind.NONE && kind == sym.kind && !wild) {
                continue;
            }
            if (tl.syntax < VCL_HIGH && !sym.name.equals("default") && kind != SymKind.NONE
                    && kind != sym.kind && !wild) {
                continue;
            }
            return sym;
        }
        SymTab pst = st.parent;
        if (pst == null || pst.symbols.isEmpty()) {
            return null;
        }
        Symbol psym = pst.symbols.get(0);
        if (psym.wildcard == Symbol.Wildcard.NONE) {
            return null;
        }
        Symbol sym = newSymbol(st, kind, vlo, vhi);
        headerWildcard(psym, sym);
        return tl.sb.err ? null : sym;
    }

    /** vcc_Var_Wildcard: turns a new child of req.http and friends into a header. */
    private void headerWildcard(Symbol parent, Symbol sym) {
        if (sym.name.length() >= 127) {
            tl.sb.cat("HTTP header (").cat(sym.name.substring(0, 20)).cat("..) is too long.\n");
            tl.sb.err = true;
            return;
        }
        for (int i = 0; i < sym.name.length(); i++) {
            char c = sym.name.charAt(i);
            if (!isTchar(c)) {
                tl.sb.cat("Invalid character '").cat(VsbQuote.plain(String.valueOf(c)))
                        .cat("' in header name.\n");
                tl.sb.err = true;
                return;
            }
        }
        sym.noref = true;
        sym.kind = SymKind.VAR;
        sym.type = parent.type;
        sym.eval = Symbol.Eval.VAR;
        sym.parentVar = parent;
        sym.rMethods = parent.rMethods;
        sym.wMethods = parent.wMethods;
        sym.uMethods = parent.uMethods;
    }

    /** RFC 9110 token characters, which header names consist of. */
    static boolean isTchar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** VCC_SymbolGet at the current token. */
    Symbol get(Ns ns, SymKind kind, Mode mode, Xref x) {
        return get(ns, kind, mode, x, null);
    }

    /** Where a walk along a dotted name ended: the last symbol found and the last node. */
    private static final class Walk {
        Symbol sym;
        SymTab st;
        SymTab st2;
        VclToken tn;
        VclToken tn2;
    }

    /**
     * VCC_SymbolGet. With {@code firstText} the first token reads as that text instead of
     * its own, which is how VCC looks up "TYPE.method" (vcc_TypeSymbol).
     */
    private Symbol get(Ns ns, SymKind kind, Mode mode, Xref x, String firstText) {
        VclToken t0 = tl.t;
        if (tl.syntax >= VCL_HIGH && mode == Mode.CREATE && kind != SymKind.SUB
                && Compilation.hasVclPrefix(t0.text())) {
            tl.sb.cat("Symbols named 'vcl_*' are reserved.\nAt:");
            tl.errWhere(t0);
            return null;
        }

        Walk w = walkName(ns, kind, t0, firstText);
        if (w == null) {
            return null;
        }
        Symbol sym = w.sym;
        SymTab st = w.st;
        VclToken tn = w.tn;
        if (sym != null && sym.kind == SymKind.ALIAS) {
            st = symtabStr(mainRoot, (String) sym.evalPriv, true);
            w.st2 = st;
            sym = symInTab(st, SymKind.NONE, sym.lorev, sym.hirev);
        }
        if (sym != null && sym.kind == SymKind.VMOD && mode.partial) {
            mode = Mode.EXISTING;
        }
        if (sym != null && mode.partial) {
            st = w.st2;
            tn = w.tn2;
        } else if (st != w.st2) {
            sym = null;
        }
        if (tl.sb.err || (sym == null && mode.noerr)) {
            return sym;
        }

        if (sym == null && mode == Mode.CREATE) {
            sym = newSymbol(st, kind, tl.syntax, tl.syntax);
        }
        tl.t = tl.peekFrom(tn);
        if (sym == null) {
            notFound(st, kind, mode, t0);
            return null;
        }
        if (kind != SymKind.NONE && kind != sym.kind
                && (tl.v71() || sym.type != VccType.DEFAULT)) {
            wrongKind(sym, kind, t0);
            return null;
        }
        xref(sym, x, t0);
        return sym;
    }

    /**
     * Follows the name at t0 through "." and names (or, for headers, quoted strings) as
     * far as the tree goes, remembering the last node that had a symbol.
     */
    private Walk walkName(Ns ns, SymKind kind, VclToken t0, String firstText) {
        Walk w = new Walk();
        w.st = root(ns);
        w.tn = t0;
        while (true) {
            VclToken tn = w.tn;
            if (tn.tok == Tok.CSTR && tl.syntax < VCL_HIGH) {
                tl.sb.cat("Quoted headers are available for VCL >= 4.1.\nAt:");
                tl.errWhere(tn);
                return null;
            }
            if (tn.tok == Tok.ID) {
                w.st = symtabStr(w.st, tn == t0 && firstText != null ? firstText : tn.text(),
                        true);
            } else {
                w.st = symtabStr(w.st, tn.dec, false);
            }
            Symbol sym2 = symInTab(w.st, kind, tl.syntax, tl.syntax);
            if (sym2 != null) {
                w.sym = sym2;
                w.st2 = w.st;
                w.tn2 = tn;
            }
            VclToken tn1 = tl.peekFrom(tn);
            if (tn1.tok != Tok.DOT) {
                return w;
            }
            tn1 = tl.peekFrom(tn1);
            if (tn1.tok == Tok.CSTR
                    && (w.sym == null || w.sym.wildcard == Symbol.Wildcard.NONE)) {
                return w;
            }
            if (tn1.tok != Tok.CSTR && tn1.tok != Tok.ID) {
                return w;
            }
            w.tn = tn1;
        }
    }

    /** Counts a definition or a reference of the symbol. */
    private static void xref(Symbol sym, Xref x, VclToken t0) {
        if (x == Xref.DEF) {
            if (sym.defB == null) {
                sym.defB = t0;
            }
            sym.ndef++;
        } else if (x == Xref.REF) {
            if (sym.refB == null) {
                sym.refB = t0;
            }
            sym.nref++;
        }
    }

    private void notFound(SymTab st, SymKind kind, Mode mode, VclToken t0) {
        tl.sb.cat(mode.text).cat(": '").cat(tl.tokenText(t0, tl.t)).cat("'");
        Symbol sym = symInTab(st, kind, VCL_LOW, VCL_HIGH);
        if (sym != null && sym.kind != SymKind.OBJECT && sym.kind != SymKind.INSTANCE) {
            tl.sb.cat(" (Only available when");
            if (sym.lorev >= VCL_LOW) {
                tl.sb.cat(String.format(Locale.ROOT, " %.1f <=", .1 * sym.lorev));
            }
            tl.sb.cat(" VCL syntax");
            if (sym.hirev <= VCL_HIGH) {
                tl.sb.cat(String.format(Locale.ROOT, " <= %.1f", .1 * sym.hirev));
            }
            tl.sb.cat(")");
        }
        tl.sb.cat("\nAt: ");
        tl.errWhere2(t0, tl.t);
    }

    private void wrongKind(Symbol sym, SymKind kind, VclToken t0) {
        tl.sb.cat("Symbol '").cat(tl.tokenText(t0, tl.t)).cat("' has wrong type (")
                .cat(sym.kind.label()).cat("), expected ").cat(kind.label()).cat(":");
        tl.sb.cat("\nAt: ");
        tl.errWhere2(t0, tl.t);
        if (sym.defB != null) {
            tl.sb.cat("Symbol was defined here: ");
            tl.errWhere(sym.defB);
        } else if (sym.refB != null) {
            tl.sb.cat("Symbol was declared here: ");
            tl.errWhere(sym.refB);
        } else {
            tl.sb.cat("Symbol was builtin\n");
        }
    }

    /**
     * VCC_TypeSymbol: the property or method named by the current token on a value of the
     * given type, or null. Does not move the current token.
     */
    Symbol typeSymbol(SymKind kind, VccType type) {
        VclToken t0 = tl.t;
        Ns ns = type.name.indexOf('.') < 0 ? Ns.TYPE : Ns.MAIN;
        Symbol sym = get(ns, kind, Mode.NOERR, Xref.NONE, type.name + "." + t0.text());
        tl.t = t0;
        return sym;
    }

    /** VCC_MkSym: a predefined symbol. */
    Symbol mkSym(String name, Ns ns, SymKind kind, int vlo, int vhi) {
        SymTab st = symtabStr(root(ns), name, true);
        Symbol sym = symInTab(st, kind, vlo, vhi);
        if (sym != null) {
            // A protected header (8.0) already exists through its parent's wildcard.
            return sym;
        }
        sym = newSymbol(st, kind, vlo, vhi);
        sym.noref = true;
        return sym;
    }

    /** VCC_MkSymAlias: makes {@code alias} an alias of the existing symbol {@code name}. */
    Symbol mkSymAlias(String alias, String name) {
        SymTab st = symtabStr(mainRoot, name, true);
        Symbol sym = symInTab(st, SymKind.NONE, VCL_LOW, VCL_HIGH);
        if (sym == null) {
            throw new IllegalStateException("alias " + alias + " of unknown symbol " + name);
        }
        Symbol a = mkSym(alias, Ns.MAIN, SymKind.ALIAS, sym.lorev, sym.hirev);
        a.evalPriv = name;
        return sym;
    }

    /**
     * VCC_WalkSymbols: visits the symbols of a kind (all for NONE) node by node in the
     * tree's order, and stops at the first error.
     */
    void walk(Ns ns, SymKind kind, Consumer<Symbol> f) {
        walk(root(ns), kind, f);
    }

    private boolean walk(SymTab st, SymKind kind, Consumer<Symbol> f) {
        for (Symbol sym : List.copyOf(st.symbols)) {
            if (kind == SymKind.NONE || kind == sym.kind) {
                f.accept(sym);
            }
            if (tl.sb.err) {
                return false;
            }
        }
        for (SymTab c : List.copyOf(st.children)) {
            if (!walk(c, kind, f)) {
                return false;
            }
        }
        return true;
    }

    /** VCC_GlobalSymbol: makes a symbol a global object of a handle type. */
    void globalSymbol(Symbol sym, VccType type) {
        SymKind kind = SymKind.ofHandle(type);
        if (!tl.v71() && sym.hasGlobalName) {
            return;
        }
        sym.hasGlobalName = true;
        sym.type = type;
        sym.kind = kind;
        sym.eval = type == VccType.SUB ? Symbol.Eval.SUB : Symbol.Eval.HANDLE;
        sym.rMethods |= tl.lang.allMethods();
    }

    /** VCC_HandleSymbol: defines the backend, probe, ACL or object named by the token. */
    Symbol handleSymbol(VccType fmt) {
        SymKind kind = SymKind.ofHandle(fmt);
        VclToken t = tl.t;
        Symbol sym = get(Ns.MAIN, SymKind.NONE, Mode.NOERR, Xref.NONE);
        if (sym != null && sym.defB != null && kind == sym.kind) {
            String p = sym.kind.label();
            tl.sb.cat(Character.toUpperCase(p.charAt(0)) + p.substring(1)).cat(" '")
                    .cat(t.text()).cat("' redefined.\n");
            tl.errWhere(t);
            tl.sb.cat("First definition:\n");
            tl.errWhere(sym.defB);
            return sym;
        } else if (sym != null && sym.defB != null) {
            tl.sb.cat("Name '").cat(t.text()).cat("' already defined.\n");
            tl.errWhere(t);
            tl.sb.cat("First definition:\n");
            tl.errWhere(sym.defB);
            return sym;
        } else if (sym != null && sym.kind != kind) {
            tl.sb.cat("Name ").cat(t.text()).cat(" must have type '").cat(sym.kind.label())
                    .cat("'.\n");
            tl.errWhere(t);
            return sym;
        }
        if (sym == null) {
            sym = get(Ns.MAIN, kind, Mode.CREATE, Xref.NONE);
        }
        if (sym == null) {
            return null;
        }
        globalSymbol(sym, fmt);
        sym.ndef = 1;
        if (sym.defB == null) {
            sym.defB = t;
        }
        return sym;
    }
}
