package vclab.vcc;

import java.util.ArrayList;
import java.util.List;
import vclab.cli.Dialect;

/**
 * One run of the compiler, in VCC's order (VCC_Compile and vcc_CompileSource): lex the
 * main source with its includes and then the builtin VCL into one token stream, parse it,
 * check references, returns and variable uses, and require a backend.
 */
final class VccCompiler {
    private final Dialect dialect;
    private final VccSettings settings;
    private final VmodCatalog catalog;
    private final SourceLoader loader;
    private final String builtinText;

    VccCompiler(Dialect dialect, VccSettings settings, VmodCatalog catalog, SourceLoader loader,
            String builtinText) {
        this.dialect = dialect;
        this.settings = settings;
        this.catalog = catalog;
        this.loader = loader;
        this.builtinText = builtinText;
    }

    /** Compiles the builtin VCL alone, as VCC does before every compilation. */
    BuiltinInfo compileBuiltin() {
        VccSettings none = new VccSettings(false, false, false, List.of(), List.of());
        Compilation tl = new Compilation(dialect, none, catalog, loader, null);
        SymbolsInit.init(tl, false);
        Source sp = new Source("<builtin>", Source.KIND_BUILTIN, builtinText, null, null);
        tl.includes.lexSource(sp, true);
        if (!tl.sb.err) {
            parseAndCheck(tl);
        }
        if (tl.sb.err) {
            return new BuiltinInfo(List.of(), java.util.Set.of(), tl.sb.text());
        }
        List<String> names = new ArrayList<>();
        for (Proc p : tl.procs) {
            if (p.name != null) {
                names.add(p.name.text());
            }
        }
        List<String> subs = new ArrayList<>();
        tl.symbols.walk(Symbols.Ns.MAIN, SymKind.SUB, s -> subs.add(s.name));
        return new BuiltinInfo(names, new java.util.HashSet<>(subs), null);
    }

    /** Compiles inline text ({@code file} null) or the file named {@code file}. */
    VccResult compile(BuiltinInfo builtin, String sourceName, String text, String file) {
        try {
            return run(builtin, sourceName, text, file);
        } catch (VccAssertion a) {
            return new VccResult.Failure(VccOutput.crash(a.text()));
        } catch (RuntimeException e) {
            // A bug in vclab, not in the VCL: report it like VCC's ErrInternal rather than
            // take the simulated manager down.
            LOG.log(System.Logger.Level.ERROR, "VCL compiler failed on " + sourceName, e);
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            String where = at == null ? "unknown" : at.getMethodName() + "():"
                    + at.getLineNumber();
            return new VccResult.Failure(VccOutput.format(INTERNAL_ERROR + where + "\n", true));
        }
    }

    /** The start of the text of an unexpected exception, as VCC words ErrInternal. */
    static final String INTERNAL_ERROR = "VCL compiler internal error at ";
    private static final System.Logger LOG = System.getLogger(VccCompiler.class.getName());

    private VccResult run(BuiltinInfo builtin, String sourceName, String text, String file) {
        if (builtin.error() != null) {
            return failure(builtin.error());
        }
        Compilation tl = new Compilation(dialect, settings, catalog, loader, builtin);
        SymbolsInit.init(tl, true);
        Source main;
        if (file == null) {
            main = new Source(sourceName, Source.KIND_INLINE, text, null, null);
        } else {
            SourceLoader.Loaded f = loader.load(file, settings.unsafePath());
            if (f.error() != null) {
                return failure(f.error());
            }
            main = new Source(f.name(), Source.KIND_FILE, f.text(), null, null);
        }
        tl.includes.lexSource(main, false);
        if (tl.sb.err) {
            return failure(tl.sb.text());
        }
        Source bsp = new Source("<builtin>", Source.KIND_BUILTIN, builtinText, null, null);
        tl.includes.lexSource(bsp, true);
        if (tl.sb.err) {
            return failure(tl.sb.text());
        }
        if (parseAndCheck(tl)) {
            return failure(tl.sb.text());
        }
        if (!tl.backends.hasDefaultDirector()) {
            tl.sb.cat("No backends or directors found in VCL program, "
                    + "at least one is necessary.\n");
            return failure(tl.sb.text());
        }
        tl.model.step(InitStep.Kind.VCL_INIT, null, null);
        CompiledVcl vcl = ModelAssembly.build(tl);
        return new VccResult.Success(vcl, tl.sb.isEmpty() ? ""
                : VccOutput.format(tl.sb.text(), false));
    }

    /** Parses the token stream and runs the checks; returns whether one failed. */
    private static boolean parseAndCheck(Compilation tl) {
        tl.t = tl.tokens.get(0);
        tl.parser.parse();
        if (tl.sb.err) {
            return true;
        }
        if (tl.xref.checkReferences()) {
            return true;
        }
        if (tl.xref.checkAction() || tl.sb.err) {
            return true;
        }
        return tl.xref.checkUses() || tl.sb.err;
    }

    private static VccResult failure(String text) {
        return new VccResult.Failure(VccOutput.format(text, true));
    }
}
