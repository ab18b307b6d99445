package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vclab.cli.Dialect;
import vclab.testing.SharedFolder;

/**
 * Replays the vcl.inline and vcl.load commands of the recorded varnishd 7.1.1 CLI
 * transcripts through vclab's compiler: a 200 reply means VCC printed nothing, a failed
 * compilation's reply is VCC's output followed by the manager's "VCL compilation failed".
 * System property vclab.golden names the transcript directory; by default it is the one in
 * the shared folder (see {@link SharedFolder}).
 */
class GoldenTranscriptTest {
    private static final Path GOLDEN = golden();

    private static Path golden() {
        String p = System.getProperty("vclab.golden");
        if (p != null) {
            return Path.of(p);
        }
        Path shared = SharedFolder.find();
        return shared == null ? Path.of("no-shared-folder")
                : shared.resolve("golden/varnish-7.1.1");
    }

    @Test
    void compileRepliesMatchTranscripts() throws Exception {
        assumeTrue(Files.isRegularFile(GOLDEN.resolve("transcripts.json")),
                "no transcripts at " + GOLDEN);
        BuiltinVcl builtin = BuiltinVcl.of(Dialect.V7_1);
        Vcc vcc = new Vcc(VmodCatalog.standard(), Dialect.V7_1, List.of(), builtin);
        JsonNode all = new ObjectMapper().readTree(GOLDEN.resolve("transcripts.json").toFile());
        int checked = 0;
        for (String topic : List.of("vcl", "labels")) {
            List<String> labels = new ArrayList<>();
            for (JsonNode e : all.get(topic)) {
                if (!e.has("sent") || !e.has("status")) {
                    continue;
                }
                String sent = e.get("sent").asText();
                int status = e.get("status").asInt();
                String reply = e.get("reply").asText();
                String body = reply.substring(0, reply.length() - 1);
                String[] w = sent.split("[ \n]", 3);
                if (w[0].equals("vcl.label") && status == 200) {
                    labels.add(w[1]);
                }
                boolean compiled = status == 200 || body.endsWith("VCL compilation failed");
                boolean quotesBuiltin = body.contains("'<builtin>'")
                        && builtin.origin() != BuiltinVcl.Origin.VARNISHD;
                if (!compiled || quotesBuiltin || !isCompile(w[0])) {
                    continue;
                }
                VccResult r = compile(vcc, sent, VccSettings.DEFAULT.withLabels(labels));
                String expected = status == 200 ? "" : body.substring(0,
                        body.length() - "VCL compilation failed".length());
                assertEquals(expected, r.output(), e.get("label").asText());
                assertEquals(status == 200, r.ok(), e.get("label").asText());
                checked++;
            }
        }
        assertTrue(checked >= 8, "only " + checked + " compile commands checked");
    }

    private static boolean isCompile(String command) {
        return command.equals("vcl.inline") || command.equals("vcl.load");
    }

    /** Compiles what a vcl.inline or vcl.load request line sends. */
    private static VccResult compile(Vcc vcc, String sent, VccSettings settings)
            throws Exception {
        String firstLine = sent.substring(0, sent.indexOf('\n'));
        if (sent.startsWith("vcl.load ")) {
            String path = firstLine.split(" ")[2];
            Path local = GOLDEN.resolve("vcl").resolve(Path.of(path).getFileName());
            if (path.startsWith("/") && Files.isRegularFile(local)) {
                return vcc.compile(path, Files.readString(local, StandardCharsets.ISO_8859_1),
                        settings);
            }
            return vcc.compileFile(path, settings);
        }
        if (firstLine.contains(" << ")) {
            String token = firstLine.substring(firstLine.indexOf(" << ") + 4);
            String rest = sent.substring(firstLine.length() + 1);
            return vcc.compile("<vcl.inline>", rest.substring(0,
                    rest.lastIndexOf(token + "\n")), settings);
        }
        String quoted = firstLine.substring(firstLine.indexOf('"') + 1,
                firstLine.lastIndexOf('"'));
        return vcc.compile("<vcl.inline>", unquote(quoted), settings);
    }

    /** The CLI's unescaping of a double-quoted argument. */
    private static String unquote(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n':
                    sb.append('\n');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                default:
                    sb.append(n);
                    break;
            }
        }
        return sb.toString();
    }
}
