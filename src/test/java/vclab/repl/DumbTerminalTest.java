package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.testing.OwnThread;

/**
 * The plain fallback: on JLine's dumb terminal, and in a real {@code vclab adm} process on a
 * pseudo-terminal with {@code TERM=dumb} or with stdin from a pipe, the output has no escape
 * sequences and stderr stays empty (no JLine warning).
 */
class DumbTerminalTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final char ESC = '\u001b';

    @TempDir
    Path dir;

    @Test
    void dumbTerminalWritesPlainText() throws Exception {
        try (TestModel model = TestModel.start(); VirtualTerminal vt = VirtualTerminal.dumb()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ReplSettings settings = new ReplSettings(null, Duration.ofSeconds(30),
                    Duration.ofSeconds(5), dir);
            Repl repl = new Repl(vt.terminal(), model.channel(), model.dialect(), settings,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(repl::run, OwnThread.EXECUTOR);
            vt.await(Repl.PROMPT);
            vt.type("ping\n");
            vt.await("PONG");
            int from = vt.screen().length();
            vt.type("vcl.inline h1 << EOF\nvcl 4.1;\nEOF\n");
            vt.await(Repl.PROMPT, vt.await("\n", from));
            vt.endInput();
            assertEquals(0, exit.get(VirtualTerminal.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(-1, vt.raw().indexOf(ESC), vt.raw());
            assertTrue(vt.raw().contains(Repl.PROMPT + "200\nPONG "), vt.raw());
            assertEquals(List.of("vcl.inline", "h1", "vcl 4.1;\n"),
                    model.channel().sent().get(2));
            assertEquals("", err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Starts {@code vclab adm} in a JVM of its own, with this test's class path. */
    private static ProcessBuilder vclabAdm(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vclab.Main",
                "adm", "-f", "", "--history", ""));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void pipeOnStdinIsPassMode() throws Exception {
        Process process = vclabAdm().start();
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write("ping\nstatus\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(VirtualTerminal.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(out.matches("PONG \\d+ 1\\.0\n[^\n]+\n"), out);
        assertEquals("", new String(err.join(), StandardCharsets.UTF_8));
    }

    @Test
    void dumbPseudoTerminalHasNoEscapes() throws Exception {
        String session = onPseudoTerminal("dumb");
        assertEquals(-1, session.indexOf(ESC), session);
        assertTrue(session.contains(Repl.PROMPT), session);
        assertFalse(session.contains("WARNING"), session);
        assertTrue(session.contains("EXIT=0"), session);
    }

    @Test
    void xtermPseudoTerminalIsQuiet() throws Exception {
        String session = onPseudoTerminal("xterm");
        assertTrue(session.contains(Repl.PROMPT), session);
        assertFalse(session.contains("WARNING"), session);
        assertFalse(session.contains("Unable to create a system terminal"), session);
        assertTrue(session.contains("EXIT=0"), session);
    }

    /**
     * Runs {@code vclab adm} under script(1), which gives it a pseudo-terminal; types ping,
     * waits for the reply, then Ctrl-D. Returns everything that appeared on the terminal,
     * stderr included, and the exit code as {@code EXIT=n}.
     */
    private String onPseudoTerminal(String term) throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "no " + SCRIPT);
        StringBuilder shell = new StringBuilder("stty cols 120 rows 40;");
        for (String word : vclabAdm().command()) {
            shell.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        shell.append("; echo EXIT=$?");
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qec", shell.toString(),
                "/dev/null");
        builder.environment().put("TERM", term);
        builder.environment().put("SHELL", "/bin/sh");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        Screen screen = new Screen(process.getInputStream());
        try (OutputStream keys = process.getOutputStream()) {
            screen.await(Repl.PROMPT);
            keys.write("ping\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            screen.await("PONG");
            keys.write(4);
            keys.flush();
            screen.await("EXIT=");
        } finally {
            if (!process.waitFor(VirtualTerminal.PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return screen.text();
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, OwnThread.EXECUTOR);
    }

    /** Collects a process's output on a thread of its own. */
    private static final class Screen {
        private final StringBuffer text = new StringBuffer();

        Screen(InputStream stream) {
            Thread reader = new Thread(() -> {
                byte[] chunk = new byte[4096];
                try (stream) {
                    int n;
                    while ((n = stream.read(chunk)) > 0) {
                        text.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "script-output");
            reader.setDaemon(true);
            reader.start();
        }

        void await(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + VirtualTerminal.PATIENCE.toNanos();
            while (text.indexOf(expected) < 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + expected + "' in:\n" + text);
                }
                Thread.sleep(10);
            }
        }

        String text() {
            return text.toString();
        }
    }
}
