package vclab.vrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vclab.model.Models;
import vclab.vcl.VclModel;

/**
 * The table of assertion lines in release-lines.tsv: its shape, the keys the code requests,
 * and that tools/gen_release_lines.py still writes it byte for byte from Varnish's sources.
 */
class ReleaseLinesTest {
    private static final Path TABLE = Path.of("src/main/resources/vclab/vrt/release-lines.tsv");
    private static final Path GENERATOR = Path.of("tools/gen_release_lines.py");
    private static final Path MIRROR =
            Path.of("/work/.mirror/varnishcache+varnish-cache/repo");
    private static final Pattern REVISION = Pattern.compile("[0-9a-f]{7}");
    /** A call of ReleaseFacts.line with a literal key, as the models and VMODs write it. */
    private static final Pattern LINE_CALL = Pattern.compile("\\.line\\(\"([^\"]+)\"\\)");

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                rows.add(l.split("\t", -1));
            }
        }
        return rows;
    }

    private static List<Integer> revisionColumns(String[] head) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            if (REVISION.matcher(head[i]).matches()) {
                columns.add(i);
            }
        }
        return columns;
    }

    @Test
    void everyModelHasAColumn() throws IOException {
        List<String> head = List.of(rows().get(0));
        for (VclModel m : Models.all()) {
            String column = m.release().revision().substring(0, 7);
            assertTrue(head.contains(column), m.id() + " has no column " + column);
        }
    }

    @Test
    void headerNamesKeyFileRevisionsNote() throws IOException {
        String[] head = rows().get(0);
        assertEquals("key", head[0]);
        assertEquals("file", head[1]);
        assertEquals("note", head[head.length - 1]);
        assertEquals(head.length - 3, revisionColumns(head).size(), String.join(" ", head));
    }

    @Test
    void everyCellIsALineOrExplainedDash() throws IOException {
        List<String[]> rows = rows();
        String[] head = rows.get(0);
        List<Integer> columns = revisionColumns(head);
        for (String[] row : rows.subList(1, rows.size())) {
            assertEquals(head.length, row.length, row[0] + ": wrong number of columns");
            String note = row[row.length - 1];
            boolean dash = false;
            for (int i : columns) {
                String cell = row[i];
                String where = row[0] + " at " + head[i];
                if (cell.equals("-")) {
                    dash = true;
                } else {
                    assertTrue(cell.matches("[1-9][0-9]*"), where + ": not a line: " + cell);
                }
            }
            assertEquals(dash, !note.isEmpty(), row[0] + ": a note must explain each \"-\"");
        }
    }

    @Test
    void keysAreUnique() throws IOException {
        List<String[]> rows = rows();
        Set<String> keys = new LinkedHashSet<>();
        for (String[] row : rows.subList(1, rows.size())) {
            assertTrue(keys.add(row[0]), "duplicate key " + row[0]);
        }
    }

    @Test
    void codeKeysExistInTable() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        List<String[]> rows = rows();
        for (String[] row : rows.subList(1, rows.size())) {
            keys.add(row[0]);
        }
        Set<String> used = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LINE_CALL.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                    assertTrue(keys.contains(m.group(1)), p + " asks for missing key "
                            + m.group(1));
                }
            }
        }
        assertFalse(used.isEmpty(), "no ReleaseFacts.line calls found under src/main/java");
    }

    @Test
    void lineReturnsTheCellOfTheModelsColumn() throws IOException {
        List<String[]> rows = rows();
        List<String> head = List.of(rows.get(0));
        for (VclModel m : Models.all()) {
            int column = head.indexOf(m.release().revision().substring(0, 7));
            for (String[] row : rows.subList(1, rows.size())) {
                int expected = row[column].equals("-") ? 0 : Integer.parseInt(row[column]);
                assertEquals(expected, m.release().line(row[0]), m.id() + " " + row[0]);
            }
        }
    }

    @Test
    void generatorReproducesTheTable() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(MIRROR), "no Varnish mirror at " + MIRROR);
        Process p;
        try {
            p = new ProcessBuilder("python3", GENERATOR.toString(), MIRROR.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Assumptions.abort("python3 cannot be started: " + e.getMessage());
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertEquals(0, p.waitFor(), "gen_release_lines.py failed");
        assertEquals(Files.readString(TABLE, StandardCharsets.UTF_8),
                out.toString(StandardCharsets.UTF_8));
    }
}
