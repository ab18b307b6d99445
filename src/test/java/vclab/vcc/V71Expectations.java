package vclab.vcc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Records NAME.v71.out for every case of the error corpus from the installed varnishd 7.1
 * ({@code varnishd -C}). Run it after adding cases:
 * {@code java -cp target/classes:target/test-classes:ANTLR_JAR vclab.vcc.V71Expectations
 * src/test/resources/vclab/vcc/errors}; vclab-only cases are left to
 * {@link TrunkExpectations}.
 */
public final class V71Expectations {
    private V71Expectations() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = Path.of(args[0]);
        Path dir = Files.createTempDirectory("vclab-corpus-");
        Path workdir = Files.createDirectory(dir.resolve(".varnishd"));
        Files.setPosixFilePermissions(workdir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<ErrorCorpus.Case> cases = ErrorCorpus.copyTo(dir);
        for (ErrorCorpus.Case c : cases) {
            if (c.vclabOnly()) {
                continue;
            }
            RealVarnishd.Outcome r = RealVarnishd.compile(c.file(), workdir, c.params());
            Files.writeString(out.resolve(c.name() + ".v71.out"),
                    r.output().replace(dir.toString(), "@DIR@"), StandardCharsets.ISO_8859_1);
        }
    }
}
