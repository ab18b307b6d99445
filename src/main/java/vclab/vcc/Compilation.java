package vclab.vcc;

import java.util.ArrayList;
import java.util.List;
import vclab.cli.Dialect;

/**
 * The state of one compilation, VCC's {@code struct vcc *tl}: the token stream and the
 * current token, the error text, the symbol table, the subroutines and everything the
 * parsers collect for the {@link CompiledVcl}. The parser classes share it and mirror
 * VCC's control flow, including its habit of setting {@link ErrorBuffer#err} and returning,
 * so that the first error and the text around it come out as VCC prints them.
 */
final class Compilation {
    final Dialect dialect;
    final VclLanguage lang;
    final VccSettings settings;
    final VmodCatalog catalog;
    final SourceLoader loader;
    /** The subroutines of the builtin VCL (VCC's vcc_builtin); null while compiling it. */
    final BuiltinInfo builtin;

    final ErrorBuffer sb;
    final List<Source> sources = new ArrayList<>();
    final List<VclToken> tokens = new ArrayList<>();
    VclToken t;
    int syntax;

    final Symbols symbols;
    final List<Proc> procs = new ArrayList<>();
    Proc curproc;
    int unique;

    final Model model = new Model();
    final Includes includes;
    final TopLevelParser parser;
    final Expressions expr;
    final Actions actions;
    final Backends backends;
    final Probes probes;
    final Acls acls;
    final Imports imports;
    final Xref xref;

    Compilation(Dialect dialect, VccSettings settings, VmodCatalog catalog, SourceLoader loader,
            BuiltinInfo builtin) {
        this.dialect = dialect;
        this.lang = VclLanguage.of(dialect);
        this.sb = new ErrorBuffer(dialect == Dialect.V7_1 ? 228 : 227);
        this.settings = settings;
        this.catalog = catalog;
        this.loader = loader;
        this.builtin = builtin;
        this.symbols = new Symbols(this);
        this.includes = new Includes(this);
        this.parser = new TopLevelParser(this);
        this.expr = new Expressions(this);
        this.actions = new Actions(this);
        this.backends = new Backends(this);
        this.probes = new Probes(this);
        this.acls = new Acls(this);
        this.imports = new Imports(this);
        this.xref = new Xref(this);
    }

    boolean v71() {
        return dialect == Dialect.V7_1;
    }

    // ---- tokens -------------------------------------------------------------------------

    /** Returns the token after {@code tok} in the stream; EOI is followed by itself. */
    VclToken peekFrom(VclToken tok) {
        int i = tok.index + 1;
        return i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
    }

    VclToken peek() {
        return peekFrom(t);
    }

    /** Returns the token before {@code tok} in the stream (VTAILQ_PREV). */
    VclToken prev(VclToken tok) {
        return tok.index > 0 ? tokens.get(tok.index - 1) : tok;
    }

    void next() {
        t = peekFrom(t);
    }

    /**
     * vcc__Expect: reports "Expected X got Y" unless the current token is {@code tok}.
     * Returns whether it was.
     */
    boolean expect(Tok tok, Site site) {
        if (t.tok == tok) {
            return true;
        }
        sb.cat("Expected ").cat(tok.label()).cat(" got ");
        sb.errToken(t);
        sb.cat("\n(program line ").cat(String.valueOf(site.line(dialect))).cat("), at\n");
        sb.errWhere(t);
        return false;
    }

    /** VCC's ExpectErr: expect, then report whether the compilation is still error free. */
    boolean expectErr(Tok tok, Site site) {
        expect(tok, site);
        return !sb.err;
    }

    /** VCC's SkipToken: expect, stop on any error, else move past the token. */
    boolean skip(Tok tok, Site site) {
        expect(tok, site);
        if (sb.err) {
            return false;
        }
        next();
        return true;
    }

    // ---- error helpers --------------------------------------------------------------------

    void errWhere(VclToken tok) {
        sb.errWhere(tok);
    }

    /** vcc_ErrWhere2 with VCC's second argument: marks t1 up to the token before t2. */
    void errWhere2(VclToken t1, VclToken t2) {
        sb.errWhere2(t1, t1 == null ? t2 : prev(t2));
    }

    void errToken(VclToken tok) {
        sb.errToken(tok);
    }

    /** Returns the text of tokens [from, to) joined without spaces (vcc_PrintTokens). */
    String tokenText(VclToken from, VclToken to) {
        StringBuilder s = new StringBuilder();
        for (VclToken x = from; x != to; x = peekFrom(x)) {
            s.append(x.text());
            if (x.tok == Tok.EOI) {
                break;
            }
        }
        return s.toString();
    }

    /** Returns the source position of a token, for the model. */
    SourcePos pos(VclToken tok) {
        return SourcePositions.of(tok);
    }

    // ---- misc ------------------------------------------------------------------------------

    /** vcc_NewProc: a subroutine for a SUB symbol. */
    Proc newProc(Symbol sym, VclLanguage.Method method) {
        Proc p = new Proc(sym, method, lang.allMethods(), lang.returns.size());
        procs.add(p);
        return p;
    }

    static boolean hasVclPrefix(String s) {
        return s.length() >= 4 && (s.charAt(0) == 'v' || s.charAt(0) == 'V')
                && (s.charAt(1) == 'c' || s.charAt(1) == 'C')
                && (s.charAt(2) == 'l' || s.charAt(2) == 'L') && s.charAt(3) == '_';
    }
}
