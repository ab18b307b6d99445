package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks both command tables against Varnish's sources: the strings and argument limits of
 * include/tbl/cli_cmds.h, and the flags and JSON support of every table in bin/varnishd.
 * Skipped when the Varnish repository is not checked out next to the project.
 */
class CliCatalogSourceTest {
    private static final Path MIRROR = Path.of("/work/.mirror/varnishcache+varnish-cache/repo");
    private static final Pattern PROTO = Pattern.compile(
            "\\{\\s*CLICMD_(\\w+),\\s*\"(\\w*)\",\\s*(\\w+)(?:\\s*,\\s*(\\w+))?\\s*\\}");

    /** One CLI_CMD of cli_cmds.h. */
    private record Desc(String name, String syntax, String help, int min, int max) {
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void managerTableMatchesSource(Dialect dialect) throws IOException {
        String ref = ref(dialect);
        Map<String, Desc> descs = descriptions(ref);
        CliCommandTable table = CliCommandTable.manager(dialect);
        Set<String> names = new TreeSet<>();
        for (String[] proto : protos(ref, true)) {
            Desc desc = descs.get(proto[0]);
            names.add(desc.name());
            check(table.lookup(desc.name(), true), desc, proto);
        }
        assertEquals(names, namesOf(table));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void workerTableMatchesSource(Dialect dialect) throws IOException {
        String ref = ref(dialect);
        Map<String, Desc> descs = descriptions(ref);
        CliCommandTable table = CliCommandTable.worker(dialect);
        Set<String> names = new TreeSet<>();
        for (String[] proto : protos(ref, true)) {
            names.add(descs.get(proto[0]).name());
        }
        for (String[] proto : protos(ref, false)) {
            Desc desc = descs.get(proto[0]);
            names.add(desc.name());
            check(table.lookup(desc.name(), true), desc, proto);
        }
        assertEquals(names, namesOf(table));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void preAuthCommandsMatchSource(Dialect dialect) throws IOException {
        String ref = ref(dialect);
        Map<String, Desc> descs = descriptions(ref);
        String mgtCli = show(ref, "bin/varnishd/mgt/mgt_cli.c");
        int start = mgtCli.indexOf("cli_auth[] = {");
        String block = mgtCli.substring(start, mgtCli.indexOf("};", start));
        Set<String> expected = new TreeSet<>();
        Matcher m = PROTO.matcher(block);
        while (m.find()) {
            expected.add(descs.get(m.group(1)).name());
        }
        Set<String> actual = new TreeSet<>();
        CliCommandTable.manager(dialect).visible(false).forEach(c -> actual.add(c.name()));
        assertEquals(expected, actual);
    }

    private static void check(CliCommand command, Desc desc, String[] proto) {
        assertNotNull(command, desc.name() + " missing");
        assertEquals(desc.syntax(), command.syntax(), desc.name() + " syntax");
        assertEquals(desc.help(), command.help(), desc.name() + " help");
        assertEquals(desc.min(), command.minArgs(), desc.name() + " min");
        assertEquals(desc.max(), command.maxArgs(), desc.name() + " max");
        assertEquals(proto[1], command.flags(), desc.name() + " flags");
        boolean json = proto[2] != null && !proto[2].equals("NULL");
        assertEquals(json, command.json(), desc.name() + " json");
    }

    private static Set<String> namesOf(CliCommandTable table) {
        Set<String> names = new TreeSet<>();
        table.visible(true).forEach(c -> names.add(c.name()));
        return names;
    }

    private static String ref(Dialect dialect) {
        Assumptions.assumeTrue(Files.isDirectory(MIRROR), "no Varnish repository at " + MIRROR);
        return dialect == Dialect.V7_1 ? "varnish-7.1.1" : "varnish-8.0.0";
    }

    /**
     * Collects the command tables of the manager or of the worker: id, flags, JSON function.
     * The wildcard and debug.persistent (built only with persistent storage) are left out.
     */
    private static List<String[]> protos(String ref, boolean manager) throws IOException {
        List<String[]> result = new ArrayList<>();
        for (String path : git("ls-tree", "-r", "--name-only", ref, "bin/varnishd").split("\n")) {
            boolean isManager = path.contains("/mgt/") || path.contains("mgt_stevedore");
            if (!path.endsWith(".c") || isManager != manager
                    || path.contains("storage_persistent")) {
                continue;
            }
            Matcher m = PROTO.matcher(show(ref, path));
            while (m.find()) {
                if (!m.group(1).equals("WILDCARD")) {
                    result.add(new String[] {m.group(1), m.group(2), m.group(4)});
                }
            }
        }
        return result;
    }

    private static Map<String, Desc> descriptions(String ref) throws IOException {
        String text = show(ref, "include/tbl/cli_cmds.h").replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, Desc> result = new HashMap<>();
        int at = 0;
        while ((at = text.indexOf("CLI_CMD(", at)) >= 0) {
            List<String> args = arguments(text, at + "CLI_CMD(".length());
            at++;
            if (args.size() != 7) {
                continue;
            }
            result.put(args.get(0), new Desc(args.get(1), args.get(2), args.get(3),
                    Integer.parseInt(args.get(5)), Integer.parseInt(args.get(6))));
        }
        return result;
    }

    /** Splits a macro's arguments; adjacent string literals are joined and unescaped. */
    private static List<String> arguments(String text, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int p = from;
        while (p < text.length() && text.charAt(p) != ')') {
            char c = text.charAt(p);
            if (c == '"') {
                p = literal(text, p + 1, current);
            } else if (c == ',') {
                args.add(current.toString());
                current.setLength(0);
                p++;
            } else {
                if (!Character.isWhitespace(c)) {
                    current.append(c);
                }
                p++;
            }
        }
        args.add(current.toString());
        return args;
    }

    private static int literal(String text, int from, StringBuilder out) {
        int p = from;
        while (text.charAt(p) != '"') {
            char c = text.charAt(p);
            if (c == '\\') {
                char e = text.charAt(p + 1);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> out.append(e);
                }
                p += 2;
            } else {
                out.append(c);
                p++;
            }
        }
        return p + 1;
    }

    private static String show(String ref, String path) throws IOException {
        return git("show", ref + ":" + path);
    }

    private static String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", MIRROR.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] bytes = git.getInputStream().readAllBytes();
        try {
            Assumptions.assumeTrue(git.waitFor() == 0, String.join(" ", command) + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
