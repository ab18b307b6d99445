package vclab.vcc;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.cli.Dialect;

/**
 * vclab's VCL compiler: VCC's checks and error texts for one Varnish release, producing a
 * {@link CompiledVcl} for the simulated child to load.
 *
 * <p>An instance compiles for one dialect, VMOD catalog and builtin VCL, and caches its
 * results by settings, source name and text, so compiling the same VCL again is a map
 * lookup (the least recently used of {@value #CACHE_SIZE} results go first). An instance
 * is safe for use by several threads.
 *
 * <p>Sources are strings of bytes: pass text decoded as ISO-8859-1 if it may hold bytes
 * above 0x7f, so that positions in messages count bytes as VCC does. Files are read that
 * way.
 */
public final class Vcc {
    /** How many results the cache keeps; the least recently used go first. */
    static final int CACHE_SIZE = 512;

    private record Key(VccSettings settings, String sourceName, String text, boolean file) {
    }

    private final VmodCatalog catalog;
    private final Dialect dialect;
    private final BuiltinVcl builtin;
    private final SourceLoader loader;
    private final BuiltinInfo builtinInfo;
    private final Map<Key, VccResult> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, VccResult> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * @param vclPath the directories vcl_path names, searched for relative file names
     */
    public Vcc(VmodCatalog catalog, Dialect dialect, List<Path> vclPath) {
        this(catalog, dialect, vclPath, BuiltinVcl.of(dialect));
    }

    /** A compiler with a given builtin VCL. */
    public Vcc(VmodCatalog catalog, Dialect dialect, List<Path> vclPath, BuiltinVcl builtin) {
        this.catalog = catalog;
        this.dialect = dialect;
        this.builtin = builtin;
        this.loader = new SourceLoader(vclPath);
        this.builtinInfo = compiler(VccSettings.DEFAULT).compileBuiltin();
    }

    public Dialect dialect() {
        return dialect;
    }

    public VmodCatalog catalog() {
        return catalog;
    }

    /** The builtin VCL this compiler appends to every VCL. */
    public BuiltinVcl builtin() {
        return builtin;
    }

    /** The stack of a compiling thread: reserved address space, touched only as deep as used. */
    private static final long COMPILER_STACK_BYTES = 256L << 20;

    private VccCompiler compiler(VccSettings settings) {
        return new VccCompiler(dialect, settings, catalog, loader, builtin.text());
    }

    /** Compiles VCL source named sourceName ("<vcl.inline>" or a path) with defaults. */
    public VccResult compile(String sourceName, String source) {
        return compile(sourceName, source, VccSettings.DEFAULT);
    }

    /** Compiles VCL source with the manager's settings, stevedores and labels. */
    public VccResult compile(String sourceName, String source, VccSettings settings) {
        return cached(new Key(settings, sourceName, source, false),
                () -> onDeepStack(() -> compiler(settings).compile(builtinInfo, sourceName,
                        source, null)));
    }

    /** Reads and compiles a file found along vcl_path, with default settings. */
    public VccResult compileFile(String file) {
        return compileFile(file, VccSettings.DEFAULT);
    }

    /**
     * Reads and compiles a file found along vcl_path. The cache is keyed by the file's
     * name and text; a cached success is reused only while its included files are
     * unchanged, and a failure is compiled again.
     */
    public VccResult compileFile(String file, VccSettings settings) {
        SourceLoader.Loaded f = loader.load(file, settings.unsafePath());
        if (f.error() != null) {
            return onDeepStack(() -> compiler(settings).compile(builtinInfo, file, null, file));
        }
        Key key = new Key(settings, file, f.text(), true);
        VccResult hit;
        synchronized (cache) {
            hit = cache.get(key);
        }
        if (hit != null && includesUnchanged(hit)) {
            return hit;
        }
        VccResult r = onDeepStack(() -> compiler(settings).compile(builtinInfo, file, null,
                file));
        synchronized (cache) {
            cache.put(key, r);
        }
        return r;
    }

    /**
     * Runs a compilation on a thread of its own with a large stack, and waits for it. The
     * parser recurses once per nesting level, as VCC does on the C stack of its own process,
     * so VCL nested thousands of levels deep compiles here as it does in varnishd. Deeper
     * still, VCC's process dies of a signal, and the manager reports that.
     */
    private static VccResult onDeepStack(java.util.function.Supplier<VccResult> compile) {
        VccResult[] result = new VccResult[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = compile.get();
            } catch (StackOverflowError e) {
                result[0] = new VccResult.Failure("Running VCC-compiler failed, signal 11\n");
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "vcc", COMPILER_STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return result[0];
    }

    private VccResult cached(Key key, java.util.function.Supplier<VccResult> compile) {
        synchronized (cache) {
            VccResult r = cache.get(key);
            if (r != null) {
                return r;
            }
        }
        VccResult r = compile.get();
        synchronized (cache) {
            cache.put(key, r);
        }
        return r;
    }

    /** Whether the files a compiled VCL included still have the same text. */
    private boolean includesUnchanged(VccResult r) {
        if (!(r instanceof VccResult.Success s)) {
            return false;
        }
        List<VclSource> sources = s.vcl().sources();
        for (int i = 1; i < sources.size() - 1; i++) {
            VclSource src = sources.get(i);
            SourceLoader.Loaded f = loader.load(src.name(), true);
            if (f.error() != null || !f.text().equals(src.text())) {
                return false;
            }
        }
        return true;
    }

    /** Forgets cached results. */
    public void clearCache() {
        synchronized (cache) {
            cache.clear();
        }
    }
}
