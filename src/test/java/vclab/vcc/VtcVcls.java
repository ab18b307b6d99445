package vclab.vcc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VCL programs of Varnish's own test scripts (bin/varnishtest/tests/*.vtc of a
 * release), read from a git checkout. Extraction is rough: it finds the -vcl,
 * -vcl+backend and -errvcl arguments of varnish commands, prepends what varnishtest
 * prepends (the version line, and for -vcl+backend a backend per server), and replaces
 * the address macros of servers with fixed values.
 */
final class VtcVcls {
    /** The git checkout of varnish-cache; system property vclab.varnish.repo overrides. */
    static final Path REPO = Path.of(System.getProperty("vclab.varnish.repo",
            "/work/.mirror/varnishcache+varnish-cache/repo"));
    static final String TAG = "varnish-7.1.1";

    /**
     * One VCL: where it came from, its text, and what varnishtest expects of it.
     *
     * @param expectedError for -errvcl, the text the error must contain; else null
     * @param params vcc parameters the script set before ("vcc_err_unref=off")
     * @param labels labels the script created before with vcl.label
     * @param stevedores storages the script named with -s before, if any
     */
    record Vcl(String script, int index, String text, String expectedError,
            List<String> params, List<String> labels, List<String> stevedores) {
        String name() {
            return script + "#" + index;
        }

        /** Whether extraction left a varnishtest macro unexpanded. */
        boolean hasMacros() {
            return text.contains("${");
        }
    }

    private static final Pattern SERVER = Pattern.compile("(?m)^\\s*server\\s+(s\\w+)([^\\n{]*)");
    private static final Pattern LISTEN = Pattern.compile("-listen\\s+\"?([^\\s\"]+)");
    private static final Pattern PARAM = Pattern.compile(
            "(vcc_err_unref|vcc_allow_inline_c|vcc_unsafe_path)[= ]+(on|off|true|false)");
    private static final Pattern LABEL = Pattern.compile("vcl\\.label\\s+(\\w[\\w-]*)");
    private static final Pattern STORAGE = Pattern.compile("-s\\s*(\\w+)=");
    private static final Pattern ARG = Pattern.compile("(?<=\\s)(-vcl\\+backend|-vcl|-errvcl)(?=\\s)");

    private VtcVcls() {
    }

    static boolean available() {
        return Files.isDirectory(REPO);
    }

    /** Reads every script of the release and extracts its VCL programs. */
    static List<Vcl> load() throws IOException, InterruptedException {
        List<Vcl> out = new ArrayList<>();
        for (Map.Entry<String, String> e : scripts().entrySet()) {
            extract(e.getKey(), e.getValue(), out);
        }
        return out;
    }

    private static String git(String input, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", REPO.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (input != null) {
            try (OutputStream os = p.getOutputStream()) {
                os.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        p.getInputStream().transferTo(bo);
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed");
        }
        return bo.toString(StandardCharsets.ISO_8859_1);
    }

    /** Script name to text, read with one git cat-file process. */
    private static Map<String, String> scripts() throws IOException, InterruptedException {
        String names = git(null, "ls-tree", "--name-only", TAG, "bin/varnishtest/tests/");
        StringBuilder req = new StringBuilder();
        List<String> files = new ArrayList<>();
        for (String n : names.split("\n")) {
            if (n.endsWith(".vtc")) {
                files.add(n);
                req.append(TAG).append(':').append(n).append('\n');
            }
        }
        String all = git(req.toString(), "cat-file", "--batch");
        Map<String, String> out = new LinkedHashMap<>();
        int pos = 0;
        for (String f : files) {
            int nl = all.indexOf('\n', pos);
            String[] header = all.substring(pos, nl).split(" ");
            int size = Integer.parseInt(header[2]);
            out.put(f.substring(f.lastIndexOf('/') + 1), all.substring(nl + 1, nl + 1 + size));
            pos = nl + 1 + size + 1;
        }
        return out;
    }

    /** The values a pattern finds before a position, group 1 (and group 2 joined by '='). */
    private static List<String> before(Pattern p, String src, int pos) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(src);
        while (m.find() && m.start() < pos) {
            out.add(m.groupCount() > 1 ? m.group(1) + "=" + m.group(2) : m.group(1));
        }
        return out;
    }

    private static void extract(String script, String src, List<Vcl> out) {
        Matcher m = ARG.matcher(src);
        int index = 0;
        while (m.find()) {
            int[] at = {m.end()};
            String error = m.group(1).equals("-errvcl") ? word(src, at) : null;
            String body = word(src, at);
            if (body == null) {
                continue;
            }
            String line = src.substring(src.lastIndexOf('\n', m.start()) + 1, m.start());
            Matcher syn = Pattern.compile("-syntax\\s+(4\\.\\d)").matcher(line);
            StringBuilder text = new StringBuilder("vcl " + (syn.find() ? syn.group(1) : "4.1")
                    + ";\n");
            if (m.group(1).equals("-vcl+backend")) {
                appendServers(text, src, m.start());
            }
            text.append(macros(body)).append('\n');
            out.add(new Vcl(script, index++, text.toString(), error,
                    before(PARAM, src, m.start()), before(LABEL, src, m.start()),
                    before(STORAGE, src, m.start())));
        }
    }

    /** The backends varnishtest declares for the servers defined before a position. */
    private static void appendServers(StringBuilder text, String src, int pos) {
        List<String> seen = new ArrayList<>();
        Matcher m = SERVER.matcher(src);
        while (m.find() && m.start() < pos) {
            String name = m.group(1);
            if (seen.contains(name)) {
                continue;
            }
            seen.add(name);
            Matcher l = LISTEN.matcher(m.group(2));
            String listen = l.find() ? l.group(1) : null;
            if (listen != null && listen.startsWith("/")) {
                text.append("backend ").append(name).append(" { .path = \"").append(listen)
                        .append("\"; }\n");
            } else {
                text.append("backend ").append(name)
                        .append(" { .host = \"127.0.0.1\"; .port = \"9080\"; }\n");
            }
        }
    }

    private static String macros(String body) {
        return body.replaceAll("\\$\\{s\\d+_addr\\}", "127.0.0.1")
                .replaceAll("\\$\\{s\\d+_port\\}", "9080")
                .replaceAll("\\$\\{s\\d+_sock\\}", "127.0.0.1 9080")
                .replace("${localhost}", "127.0.0.1").replace("${bad_ip}", "192.0.2.255")
                .replace("${bad_backend}", "192.0.2.255 9090");
    }

    /** The varnishtest word at at[0]: a {braced} block, a "quoted" string or a bare word. */
    private static String word(String s, int[] at) {
        int i = at[0];
        while (i < s.length() && " \t\\\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i >= s.length()) {
            return null;
        }
        char c = s.charAt(i);
        int j;
        String w;
        if (c == '{') {
            int depth = 0;
            for (j = i; j < s.length(); j++) {
                if (s.charAt(j) == '{') {
                    depth++;
                } else if (s.charAt(j) == '}' && --depth == 0) {
                    break;
                }
            }
            if (j >= s.length()) {
                return null;
            }
            w = s.substring(i + 1, j);
            j++;
        } else if (c == '"') {
            for (j = i + 1; j < s.length() && s.charAt(j) != '"'; j++) {
                if (s.charAt(j) == '\\') {
                    j++;
                }
            }
            w = s.substring(i + 1, Math.min(j, s.length())).replace("\\\\", "\\")
                    .replace("\\\"", "\"");
            j++;
        } else {
            for (j = i; j < s.length() && " \t\n".indexOf(s.charAt(j)) < 0; j++) {
                continue;
            }
            w = s.substring(i, j);
        }
        at[0] = j;
        return w;
    }
}
