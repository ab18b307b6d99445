package vclab.vcc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import vclab.cli.Dialect;

/**
 * The builtin VCL, which VCC compiles after every VCL and {@code vcl.show -v} lists last
 * as {@code <builtin>}. It comes from the first of: {@code varnishd -x builtin} of a
 * varnishd on PATH of the dialect's release, Debian's commented copy in
 * /usr/share/doc/varnish/builtin.vcl.gz (uncommented), or vclab's own VCL with the same
 * subroutines and behaviour. The first two are read once per process.
 *
 * @param origin where the text came from
 */
public record BuiltinVcl(String text, Origin origin) {

    public enum Origin {
        /** Printed by {@code varnishd -x builtin}: exact, positions match Varnish's. */
        VARNISHD,
        /** Debian's documentation copy: same code, other comments and line numbers. */
        DOC_FILE,
        /** vclab's own builtin VCL for the dialect. */
        VCLAB
    }

    private static final String DOC_FILE = "/usr/share/doc/varnish/builtin.vcl.gz";

    /** The builtin VCL to use for a dialect. */
    public static BuiltinVcl of(Dialect dialect) {
        Installed i = Installed.INSTANCE;
        if (i.varnishd != null && i.varnishdDialect == dialect) {
            return i.varnishd;
        }
        if (i.docFile != null && i.docFileDialect == dialect) {
            return i.docFile;
        }
        return own(dialect);
    }

    /** vclab's own builtin VCL for the dialect. */
    public static BuiltinVcl own(Dialect dialect) {
        String name = dialect == Dialect.V7_1 ? "builtin-7.1.vcl" : "builtin-8.0.vcl";
        try (InputStream in = BuiltinVcl.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new BuiltinVcl(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1),
                    Origin.VCLAB);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The builtin VCL of the installed Varnish, looked up once per process. */
    private static final class Installed {
        static final Installed INSTANCE = new Installed();
        private static final System.Logger LOG = System.getLogger(BuiltinVcl.class.getName());

        final BuiltinVcl varnishd;
        final Dialect varnishdDialect;
        final BuiltinVcl docFile;
        final Dialect docFileDialect;

        private Installed() {
            String version = run("varnishd", "-V");
            String text = version == null ? null : run("varnishd", "-x", "builtin");
            if (text != null && text.endsWith("\n")) {
                // varnishd prints the builtin VCL followed by a newline of its own.
                text = text.substring(0, text.length() - 1);
            }
            varnishdDialect = dialectOf(version);
            varnishd = text == null || varnishdDialect == null ? null
                    : new BuiltinVcl(text, Origin.VARNISHD);
            String doc = readDocFile();
            docFile = doc == null ? null : new BuiltinVcl(doc, Origin.DOC_FILE);
            docFileDialect = doc == null ? null
                    : doc.contains("vcl_backend_refresh") ? Dialect.TRUNK : Dialect.V7_1;
        }

        private static Dialect dialectOf(String version) {
            if (version == null) {
                return null;
            }
            if (version.contains("varnish-7.1.")) {
                return Dialect.V7_1;
            }
            if (version.contains("varnish-8.0.") || version.contains("varnish-trunk")) {
                return Dialect.TRUNK;
            }
            return null;
        }

        /** Runs a program found on PATH; returns its standard output, or null. */
        private static String run(String... cmd) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                p.getInputStream().transferTo(out);
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroy();
                    return null;
                }
                return out.toString(StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot run " + cmd[0] + ": " + e);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /**
         * Debian's copy has every line commented out with "# " and lacks the version
         * line; this restores the code and puts "vcl 4.0;" before the first subroutine.
         */
        private static String readDocFile() {
            Path p = Path.of(DOC_FILE);
            if (!Files.isReadable(p)) {
                return null;
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                String doc = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                StringBuilder sb = new StringBuilder();
                boolean code = false;
                for (String line : doc.split("\n", -1)) {
                    String body = line.startsWith("# ") ? line.substring(2)
                            : line.equals("#") ? "" : line;
                    if (!code && body.startsWith("sub ")) {
                        code = true;
                        sb.append("vcl 4.0;\n\n");
                    }
                    sb.append(code ? body : line).append('\n');
                }
                sb.setLength(sb.length() - 1);
                return sb.toString();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot read " + DOC_FILE + ": " + e);
                return null;
            }
        }
    }
}
