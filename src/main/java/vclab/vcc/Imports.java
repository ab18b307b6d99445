package vclab.vcc;

/**
 * {@code import} and {@code new} (vcc_vmod.c): VMODs come from the {@link VmodCatalog},
 * and each import makes symbols for the VMOD's functions, object classes and methods.
 */
final class Imports {
    private final Compilation tl;

    Imports(Compilation tl) {
        this.tl = tl;
    }

    /** vcc_ParseImport: "import NAME [as NAME] [from "path"];". */
    void parseImport() {
        VclToken t1 = tl.t;
        if (!tl.skip(Tok.ID, Site.IMPORT_KEYWORD)) {
            return;
        }
        if (!tl.expectErr(Tok.ID, Site.IMPORT_NAME)) {
            return;
        }
        VclToken mod = tl.t;
        VclToken tmod = tl.peekFrom(mod);
        if (tmod.idIs("as")) {
            tl.next();
            tl.next();
            if (!tl.expectErr(Tok.ID, Site.IMPORT_AS_NAME)) {
                return;
            }
        }
        tmod = tl.t;
        Symbol msym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.VMOD, Symbols.Mode.CREATE,
                Symbols.Xref.NONE);
        if (tl.sb.err) {
            return;
        }
        String path = null;
        if (tl.t.tok == Tok.ID) {
            path = fromPath();
            if (path == null) {
                return;
            }
        }
        if (!tl.skip(Tok.SEMI, Site.IMPORT_SEMI)) {
            return;
        }
        VmodSpec spec = find(mod, path);
        if (spec == null) {
            if (!tl.sb.err) {
                tl.sb.cat("Could not find VMOD ").cat(mod.text()).cat("\n");
                tl.errWhere(mod);
            }
            return;
        }
        register(t1, tmod, msym, spec, path);
    }

    /** Reads "from "path"" after the module name; returns null after an error. */
    private String fromPath() {
        if (!tl.t.idIs("from")) {
            tl.sb.cat("Expected 'from path ...'\n");
            tl.errWhere(tl.t);
            return null;
        }
        tl.next();
        if (!tl.settings.unsafePath() && tl.t.dec != null && tl.t.dec.indexOf('/') >= 0) {
            tl.sb.cat("'import ... from path ...' is unsafe.\nAt:");
            tl.errToken(tl.t);
            tl.errWhere(tl.t);
            return null;
        }
        if (!tl.expectErr(Tok.CSTR, Site.IMPORT_FROM_STRING)) {
            return null;
        }
        String path = tl.t.dec;
        tl.next();
        return path;
    }

    /**
     * Finds the VMOD in the catalog. A "from" path names the shared object: a missing
     * absolute one gets VCC's "Could not open VMOD" report; null means not found.
     */
    private VmodSpec find(VclToken mod, String path) {
        if (path == null) {
            return tl.catalog.find(mod.text()).orElse(null);
        }
        String fn = path.endsWith("/") ? path + "libvmod_" + mod.text() + ".so" : path;
        if (!fn.startsWith("/")) {
            // NOTE: a relative path is searched along vmod_path, which vclab does not have.
            return null;
        }
        if (!java.nio.file.Files.exists(java.nio.file.Path.of(fn))) {
            tl.sb.cat("Could not open VMOD ").cat(mod.text()).cat("\n");
            tl.sb.cat("\tFile name: ").cat(fn).cat("\n");
            if (tl.v71()) {
                tl.sb.cat("\tdlerror: ").cat(fn)
                        .cat(": cannot open shared object file: No such file or directory\n");
            } else {
                tl.sb.cat("\tError: No such file or directory\n");
            }
            tl.errWhere(mod);
            return null;
        }
        return tl.catalog.find(mod.text()).orElse(null);
    }

    private void register(VclToken t1, VclToken tmod, Symbol msym, VmodSpec spec, String path) {
        String fileId = spec.name();
        if (msym.extra != null) {
            if (!msym.extra.equals(fileId)) {
                tl.sb.cat("Another module already imported as ").cat(tmod.text()).cat(".\n");
                tl.errWhere2(t1, tl.t);
            }
            return;
        }
        msym.defB = t1;
        SourcePos pos = tl.pos(t1);
        tl.model.imports.add(new VclImport(msym.name, spec.name(), path, pos));
        for (Symbol vsym : tl.model.symVmods) {
            if (vsym.extra.equals(fileId)) {
                msym.evalPriv = vsym.evalPriv;
                msym.extra = vsym.extra;
                msym.vmodName = vsym.vmodName;
                vmodSymbols(msym, spec);
                return;
            }
        }
        tl.model.symVmods.add(msym);
        tl.model.step(InitStep.Kind.VMOD_INIT, spec.name(), pos);
        msym.evalPriv = spec;
        msym.extra = fileId;
        msym.vmodName = spec.name();
        vmodSymbols(msym, spec);
        if (spec.hasEvent()) {
            tl.model.step(InitStep.Kind.VMOD_EVENT, spec.name(), pos);
        }
    }

    /** vcc_VmodSymbols for a module: its functions, object classes and aliases. */
    private void vmodSymbols(Symbol msym, VmodSpec spec) {
        String prefix = msym.fullName() + ".";
        for (VmodSpec.Function f : spec.functions()) {
            funcSymbol(prefix + f.name(), SymKind.FUNC, f, msym.vmodName);
        }
        for (VmodSpec.ObjectClass o : spec.objects()) {
            Symbol osym = tl.symbols.mkSym(prefix + o.name(), Symbols.Ns.MAIN, SymKind.OBJECT,
                    Symbols.VCL_LOW, Symbols.VCL_HIGH);
            osym.evalPriv = o;
            osym.vmodName = msym.vmodName;
            osym.rMethods = tl.lang.method("vcl_init").bit();
            osym.type = VccType.objectType(osym.vmodName + "." + osym.name);
            for (VmodSpec.Function m : o.methods()) {
                funcSymbol(osym.fullName() + "." + m.name(), SymKind.METHOD, m, osym.vmodName);
            }
        }
        for (VmodSpec.Alias a : spec.aliases()) {
            tl.symbols.mkSymAlias(prefix + a.name(), prefix + a.target());
        }
    }

    /** func_sym: a VMOD function or method. */
    private void funcSymbol(String name, SymKind kind, VmodSpec.Function f, String vmodName) {
        Symbol sym = tl.symbols.mkSym(name, Symbols.Ns.MAIN, kind, Symbols.VCL_LOW,
                Symbols.VCL_HIGH);
        sym.action = Symbol.Action.VMOD_CALL;
        sym.vmodName = vmodName;
        sym.eval = Symbol.Eval.SYMFUNC;
        sym.evalPriv = f;
        sym.type = VccType.of(f.returnType());
        sym.rMethods = tl.lang.allMethods();
    }

    /** vcc_Act_New: "new NAME = vmod.class(arguments);". */
    VclStatement actNew(VclToken t0) {
        if (!tl.expectErr(Tok.ID, Site.NEW_ID)) {
            return null;
        }
        tl.parser.expectVid("VCL object");
        if (tl.sb.err) {
            return null;
        }
        Symbol isym = tl.symbols.handleSymbol(VccType.INSTANCE);
        if (tl.sb.err) {
            return null;
        }
        isym.noref = true;
        isym.action = Symbol.Action.OBJECT_CALL;
        if (!tl.skip(Tok.ASSIGN, Site.NEW_ASSIGN)) {
            return null;
        }
        if (!tl.expectErr(Tok.ID, Site.NEW_OBJECT_ID)) {
            return null;
        }
        Symbol osym = tl.symbols.get(Symbols.Ns.MAIN, SymKind.OBJECT, Symbols.Mode.EXISTING,
                Symbols.Xref.NONE);
        if (tl.sb.err) {
            return null;
        }
        VmodSpec.ObjectClass o = (VmodSpec.ObjectClass) osym.evalPriv;
        isym.type = osym.type;
        isym.vmodName = osym.vmodName;
        isym.evalPriv = o;
        if (!o.nullOk()) {
            tl.model.requiredObjects.add(isym.name);
        }
        VclExpr.VmodCall ctor = tl.expr.calls.evalFunc(o.constructor(), osym);
        if (tl.sb.err || !tl.skip(Tok.SEMI, Site.NEW_SEMI)) {
            return null;
        }
        SourcePos pos = tl.pos(t0);
        tl.model.step(InitStep.Kind.OBJECT, isym.name, pos);
        return new VclStatement.New(isym.name, osym.vmodName, osym.name, ctor, pos);
    }
}
