package vclab.cli.vsm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VsmTest {
    @TempDir
    Path workdir;

    private List<String> index() throws IOException {
        return Files.readAllLines(workdir.resolve("_.vsm_mgt/_.index"));
    }

    @Test
    void indexStartsWithPidAndBirth() throws IOException {
        try (VsmWriter writer = VsmWriter.create(workdir)) {
            String head = index().get(0);
            assertTrue(head.matches("# \\d+ \\d+"), head);
            assertEquals("# " + ProcessHandle.current().pid(), head.substring(0,
                    head.lastIndexOf(' ')));
        }
    }

    @Test
    void argSegmentsFollowVarnishdsLayout() throws IOException {
        try (VsmWriter writer = VsmWriter.create(workdir)) {
            writer.publishArg("-T", "127.0.0.1 38459\n");
            writer.publishArg("-S", "/tmp/x.secret");
            List<String> lines = index();
            assertEquals(3, lines.size());

            String[] t = lines.get(1).split(" ");
            assertEquals(List.of("+", "0", "24", "Arg", "-T"),
                    List.of(t[0], t[2], t[3], t[4], t[5]));
            assertTrue(t[1].matches("_\\.Arg\\.[0-9a-f]{16}"), t[1]);
            byte[] content = Files.readAllBytes(writer.directory().resolve(t[1]));
            assertEquals(4096, content.length);
            byte[] expected = Arrays.copyOf("127.0.0.1 38459\n".getBytes(
                    StandardCharsets.US_ASCII), 24);
            assertArrayEquals(expected, Arrays.copyOf(content, 24));

            String[] s = lines.get(2).split(" ");
            assertEquals("16", s[3]);
            assertEquals("-S", s[5]);
        }
    }

    @Test
    void readerCopiesPublishedValues() throws Exception {
        try (VsmWriter writer = VsmWriter.create(workdir)) {
            writer.publishArg("-i", "host");
            writer.publishArg("-T", "127.0.0.1 1\n::1 2\n");
            VsmReader reader = VsmReader.attach(workdir, 0, null);
            assertEquals(Optional.of("127.0.0.1 1\n::1 2\n"), reader.dup("Arg", "-T"));
            assertEquals(Optional.of("host"), reader.dup("Arg", "-i"));
            assertEquals(Optional.empty(), reader.dup("Arg", "-S"));
        }
    }

    @Test
    void readerHonoursRemovalLines() throws Exception {
        try (VsmWriter writer = VsmWriter.create(workdir)) {
            writer.publishArg("-T", "a 1\n");
            Path index = workdir.resolve("_.vsm_mgt/_.index");
            List<String> lines = Files.readAllLines(index);
            String removal = "-" + lines.get(1).substring(1);
            Files.writeString(index, String.join("\n", lines) + "\n" + removal + "\n");
            VsmReader reader = VsmReader.attach(workdir, 0, null);
            assertEquals(Optional.empty(), reader.dup("Arg", "-T"));
        }
    }

    @Test
    void closeRemovesEveryFile() throws IOException {
        VsmWriter writer = VsmWriter.create(workdir);
        writer.publishArg("-T", "127.0.0.1 1\n");
        writer.close();
        assertFalse(Files.exists(workdir.resolve("_.vsm_mgt")));
        assertTrue(Files.isDirectory(workdir));
    }

    @Test
    void liveOwnerKeepsTheDirectory() throws IOException {
        try (VsmWriter first = VsmWriter.create(workdir)) {
            IOException e = assertThrows(IOException.class, () -> VsmWriter.create(workdir));
            assertTrue(e.getMessage().contains("is in use by process "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
    }

    @Test
    void staleFilesAreReplaced() throws IOException {
        Path directory = Files.createDirectories(workdir.resolve("_.vsm_mgt"));
        Files.writeString(directory.resolve("_.index"), "# 999999999 1\n+ _.Arg.x 0 8 Arg -T\n");
        Files.writeString(directory.resolve("_.Arg.x"), "stale");
        try (VsmWriter writer = VsmWriter.create(workdir)) {
            assertEquals(1, index().size());
            assertFalse(Files.exists(directory.resolve("_.Arg.x")));
        }
    }

    @Test
    void attachGivesUpWithVarnishadmsMessage() throws Exception {
        ByteArrayOutputStream dots = new ByteArrayOutputStream();
        VsmException e = assertThrows(VsmException.class, () -> VsmReader.attach(workdir, 1.6,
                new PrintStream(dots, true, StandardCharsets.US_ASCII)));
        assertEquals(VsmReader.ATTACH_FAILED, e.getMessage());
        String progress = dots.toString(StandardCharsets.US_ASCII);
        assertTrue(progress.matches("(\\.+\n?)?"), progress);
    }

    @Test
    void malformedIndexLineIsReported() throws Exception {
        Path directory = Files.createDirectories(workdir.resolve("_.vsm_mgt"));
        Files.writeString(directory.resolve("_.index"), "# 1 1\n+ a\n");
        VsmReader reader = VsmReader.attach(workdir, 0, null);
        VsmException e = assertThrows(VsmException.class, () -> reader.dup("Arg", "-T"));
        assertEquals("vsm_vlu_plus: bad index (2/null)", e.getMessage());
    }

    @Test
    void instanceNamesFollowVin() {
        assertEquals(Path.of("/var/lib/varnish/varnishd"), Vin.workdir(null));
        assertEquals(Path.of("/var/lib/varnish/varnishd"), Vin.workdir(""));
        assertEquals(Path.of("/tmp/x"), Vin.workdir("/tmp/x"));
        assertEquals(Path.of("/var/lib/varnish/a/b"), Vin.workdir("a/b"));
    }
}
