package vclab.vcc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The symbols every compilation starts with (VCC_New, VCC_Predef and the *_Init functions
 * of VCC): the methods, the top-level keywords, the built-in functions and actions, the
 * variables of the release, the type methods, and the manager's stevedores and labels.
 */
final class SymbolsInit {
    private SymbolsInit() {
    }

    static void init(Compilation tl, boolean predefs) {
        Symbols s = tl.symbols;
        // VCC makes the method subroutines in alphabetical order (tbl/vcl_returns.h).
        List<VclLanguage.Method> methods = new ArrayList<>(tl.lang.methods);
        methods.sort(Comparator.comparing(VclLanguage.Method::name));
        for (VclLanguage.Method m : methods) {
            Symbol sym = s.mkSym(m.vclName(), Symbols.Ns.MAIN, SymKind.SUB, Symbols.VCL_LOW,
                    Symbols.VCL_HIGH);
            tl.newProc(sym, m);
            sym.type = VccType.SUB;
            sym.eval = Symbol.Eval.SUB;
            sym.hasGlobalName = true;
        }
        if (predefs) {
            for (String stv : tl.settings.stevedores()) {
                Symbol sym = s.mkSym("storage." + stv, Symbols.Ns.MAIN, SymKind.VAR,
                        Symbols.VCL_LOW, 41);
                sym.type = VccType.STEVEDORE;
                sym.eval = Symbol.Eval.VAR;
                sym.rMethods = ~0;
            }
            for (String label : tl.settings.labels()) {
                Symbol sym = s.mkSym(label, Symbols.Ns.MAIN, SymKind.VCL, Symbols.VCL_LOW,
                        Symbols.VCL_HIGH);
                sym.type = VccType.VCL;
                sym.rMethods = tl.lang.method("vcl_recv").bit();
            }
        }
        for (String kw : TopLevelParser.TOP_LEVEL) {
            s.mkSym(kw, Symbols.Ns.MAIN, SymKind.RESERVED, 41, Symbols.VCL_HIGH);
        }
        exprInit(tl);
        actionInit(tl);
        variableInit(tl);
        typeInit(tl);
    }

    private static void exprInit(Compilation tl) {
        Symbols s = tl.symbols;
        Symbol sym = s.mkSym("regsub", Symbols.Ns.MAIN, SymKind.FUNC, Symbols.VCL_LOW,
                Symbols.VCL_HIGH);
        sym.type = VccType.STRING;
        sym.eval = Symbol.Eval.REGSUB;
        sym = s.mkSym("regsuball", Symbols.Ns.MAIN, SymKind.FUNC, Symbols.VCL_LOW,
                Symbols.VCL_HIGH);
        sym.type = VccType.STRING;
        sym.eval = Symbol.Eval.REGSUB;
        sym.evalPriv = sym;
        sym = s.mkSym("true", Symbols.Ns.MAIN, SymKind.FUNC, Symbols.VCL_LOW, Symbols.VCL_HIGH);
        sym.type = VccType.BOOL;
        sym.eval = Symbol.Eval.BOOL_CONST;
        sym.evalPriv = sym;
        sym = s.mkSym("false", Symbols.Ns.MAIN, SymKind.FUNC, Symbols.VCL_LOW,
                Symbols.VCL_HIGH);
        sym.type = VccType.BOOL;
        sym.eval = Symbol.Eval.BOOL_CONST;
        sym = s.mkSym("default", Symbols.Ns.MAIN, SymKind.FUNC, Symbols.VCL_LOW,
                Symbols.VCL_HIGH);
        sym.type = tl.v71() ? VccType.BACKEND : VccType.DEFAULT;
        sym.eval = Symbol.Eval.DEFAULT;
    }

    private static void action(Compilation tl, String name, Symbol.Action action, int mask) {
        Symbol sym = tl.symbols.mkSym(name, Symbols.Ns.MAIN, SymKind.ACTION, Symbols.VCL_LOW,
                Symbols.VCL_HIGH);
        sym.action = action;
        sym.actionMask = mask;
    }

    private static void actionInit(Compilation tl) {
        VclLanguage l = tl.lang;
        action(tl, "ban", Symbol.Action.BAN, 0);
        action(tl, "call", Symbol.Action.CALL, 0);
        action(tl, "hash_data", Symbol.Action.HASH_DATA, l.method("vcl_hash").bit());
        action(tl, "if", Symbol.Action.IF, 0);
        action(tl, "new", Symbol.Action.NEW, l.method("vcl_init").bit());
        action(tl, "return", Symbol.Action.RETURN, 0);
        action(tl, "set", Symbol.Action.SET, 0);
        action(tl, "synthetic", Symbol.Action.SYNTHETIC,
                l.method("vcl_synth").bit() | l.method("vcl_backend_error").bit());
        action(tl, "unset", Symbol.Action.UNSET, 0);
    }

    /** vcc_Var_Init, which generate.py writes from the release's variable documentation. */
    private static void variableInit(Compilation tl) {
        for (VclLanguage.Variable v : tl.lang.variables) {
            Symbol sym;
            if (v.wildcard()) {
                sym = tl.symbols.mkSym(v.name(), Symbols.Ns.MAIN, SymKind.NONE, v.lorev(),
                        v.hirev());
                sym.wildcard = Symbol.Wildcard.HEADER;
            } else {
                sym = tl.symbols.mkSym(v.name(), Symbols.Ns.MAIN, SymKind.VAR, v.lorev(),
                        v.hirev());
            }
            sym.type = v.type();
            boolean protectedHeader = !tl.v71() && v.type() == VccType.HEADER && !v.wildcard();
            sym.eval = protectedHeader ? Symbol.Eval.PROTECTED_HEADER : Symbol.Eval.VAR;
            sym.rMethods = v.readable();
            sym.wMethods = v.writable();
            sym.uMethods = v.unsettable();
        }
        for (VclLanguage.Alias a : tl.lang.aliases) {
            tl.symbols.mkSymAlias(a.name(), a.target());
        }
    }

    /** vcc_Type_Init: "TYPE" and "TYPE.method" in the type namespace. */
    private static void typeInit(Compilation tl) {
        for (VccType t : new VccType[] {VccType.BACKEND, VccType.STEVEDORE, VccType.STRINGS}) {
            tl.symbols.mkSym(t.name, Symbols.Ns.TYPE, SymKind.NONE, Symbols.VCL_LOW,
                    Symbols.VCL_HIGH);
            for (VccType.Method m : t.methods) {
                Symbol sym = tl.symbols.mkSym(t.name + "." + m.name(), Symbols.Ns.TYPE,
                        SymKind.METHOD, Symbols.VCL_LOW, Symbols.VCL_HIGH);
                sym.type = m.type() != null ? m.type() : t;
                sym.eval = Symbol.Eval.TYPE_METHOD;
                sym.evalPriv = m;
            }
        }
    }
}
