package vclab.vcc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vclab.cli.Dialect;

/**
 * Writes NAME.v80.out for every case of the error corpus from vclab's TRUNK compiler, and
 * NAME.v71.out for vclab-only cases. Run it after a reviewed change:
 * {@code java -cp target/classes:target/test-classes:ANTLR_JAR vclab.vcc.TrunkExpectations
 * src/test/resources/vclab/vcc/errors}, then read the diff before committing it.
 */
public final class TrunkExpectations {
    private TrunkExpectations() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path dir = Files.createTempDirectory("vclab-corpus-");
        List<ErrorCorpus.Case> cases = ErrorCorpus.copyTo(dir);
        write(cases, Dialect.TRUNK, BuiltinVcl.own(Dialect.TRUNK), dir, out, "v80", false);
        write(cases, Dialect.V7_1, BuiltinVcl.own(Dialect.V7_1), dir, out, "v71", true);
    }

    private static void write(List<ErrorCorpus.Case> cases, Dialect d, BuiltinVcl builtin,
            Path dir, Path out, String suffix, boolean onlyVclabOnly) throws IOException {
        Vcc vcc = new Vcc(VmodCatalog.all(), d, List.of(dir), builtin);
        for (ErrorCorpus.Case c : cases) {
            if (onlyVclabOnly && !c.vclabOnly()) {
                continue;
            }
            String text = vcc.compileFile(c.file().toString(), c.vccSettings()).output();
            Files.writeString(out.resolve(c.name() + "." + suffix + ".out"),
                    text.replace(dir.toString(), "@DIR@"), StandardCharsets.ISO_8859_1);
        }
    }
}
