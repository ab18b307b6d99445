package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliReply;
import vclab.testing.OwnThread;

/** The REPL on a virtual xterm, talking to a simulated varnishd in this JVM. */
class ReplTest {
    @TempDir
    Path dir;

    private TestModel model;
    private VirtualTerminal vt;
    private CompletableFuture<Integer> exit;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        model = TestModel.start();
        vt = VirtualTerminal.xterm();
    }

    @AfterEach
    void stop() throws Exception {
        vt.close();
        model.close();
    }

    private void runRepl(Path history, Duration grace) {
        ReplSettings settings = new ReplSettings(history, grace, Duration.ofSeconds(5), dir);
        Repl repl = new Repl(vt.terminal(), model.channel(), model.dialect(), settings,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        exit = CompletableFuture.supplyAsync(repl::run, OwnThread.EXECUTOR);
    }

    private void runRepl() throws Exception {
        runRepl(null, Duration.ofSeconds(30));
        vt.await(Repl.PROMPT);
    }

    private int exitCode() throws Exception {
        return exit.get(VirtualTerminal.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Returns what the REPL prints for a reply: the status on a line, the body, a newline. */
    private static String printed(CliReply reply) {
        return reply.status() + "\n" + reply.body() + "\n";
    }

    @Test
    void bannerThenPrompt() throws Exception {
        runRepl();
        String banner = printed(model.call("banner"));
        int at = vt.await(banner);
        assertEquals(0, at, vt.screen());
        assertTrue(vt.screen().startsWith(banner + Repl.PROMPT), vt.screen());
        assertEquals(List.of(List.of("banner")), model.channel().sent());
    }

    @Test
    void replyIsStatusLineThenBody() throws Exception {
        runRepl();
        int from = vt.screen().length();
        vt.type("status\r");
        int at = vt.await(printed(model.call("status")), from);
        assertTrue(vt.screen().substring(0, at).endsWith(Repl.PROMPT + "status\n"),
                vt.screen());
        vt.type("nosuch.command\r");
        vt.await(printed(model.call("nosuch.command")), at);
    }

    @Test
    void hereDocumentIsOneRequest() throws Exception {
        runRepl();
        vt.type("vcl.inline h1 << EOF\r");
        vt.await("heredoc> ");
        vt.type("vcl 4.1;\r\tbackend default none;\r");
        vt.type("EOF\r");
        int end = vt.await("heredoc> EOF\n");
        vt.await(Repl.PROMPT, end);
        assertTrue(vt.screen().substring(end).startsWith("heredoc> EOF\n200\n"),
                vt.screen());
        List<String> expected = List.of("vcl.inline", "h1",
                "vcl 4.1;\n\tbackend default none;\n");
        assertEquals(List.of(List.of("banner"), expected), model.channel().sent());
    }

    @Test
    void controlCDropsTheLine() throws Exception {
        runRepl();
        vt.type("vcl.inline h1 << EOF\r");
        int first = vt.await("heredoc> ");
        vt.type("vcl 4.1;\r");
        vt.await("heredoc> ", first + 1);
        // Ctrl-C is a signal: typed ahead, it would overtake the keys before it.
        vt.type("\003");
        vt.await(Repl.PROMPT, first);
        vt.type("ping\r");
        vt.await("PONG");
        assertEquals(List.of(List.of("banner"), List.of("ping")), model.channel().sent());
    }

    @Test
    void controlDExitsWithZero() throws Exception {
        runRepl();
        vt.type("\004");
        assertEquals(0, exitCode());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void controlDAtHereDocumentExits() throws Exception {
        runRepl();
        vt.type("vcl.inline h1 << EOF\r");
        int first = vt.await("heredoc> ");
        vt.type("vcl 4.1;\r");
        vt.await("heredoc> ", first + 1);
        vt.type("\004");
        assertEquals(0, exitCode());
        assertEquals(List.of(List.of("banner")), model.channel().sent());
    }

    @Test
    void controlDInsideLineDeletes() throws Exception {
        runRepl();
        // Ctrl-B moves back over the x, and Ctrl-D deletes it.
        vt.type("pingx\002\004\r");
        vt.await("PONG");
        assertEquals(List.of(List.of("banner"), List.of("ping")), model.channel().sent());
    }

    @Test
    void quitPrintsTheCloseAndExits() throws Exception {
        runRepl();
        vt.type("quit\r");
        assertEquals(0, exitCode());
        assertTrue(vt.screen().contains("500\nClosing CLI connection\n"), vt.screen());
        // The REPL leaves on the printed 500; the session records its end on its own thread.
        long deadline = System.nanoTime() + VirtualTerminal.PATIENCE.toNanos();
        while (!model.channel().isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(model.channel().isClosed());
    }

    @Test
    void historyFileKeepsTheLines() throws Exception {
        Path history = dir.resolve("history");
        runRepl(history, Duration.ofSeconds(30));
        vt.await(Repl.PROMPT);
        vt.type("ping\r");
        vt.await("PONG");
        vt.type("param.show vcl_cooldown\r");
        vt.await("Value is:");
        vt.type("\004");
        assertEquals(0, exitCode());
        String saved = Files.readString(history);
        assertTrue(saved.contains("ping"), saved);
        assertTrue(saved.contains("param.show vcl_cooldown"), saved);
    }

    @Test
    void noStateCarriesToTheNextLine() throws Exception {
        runRepl();
        vt.type("param.show -j vcl_cooldown\r");
        int json = vt.await("\"name\": \"vcl_cooldown\"");
        vt.type("param.show vcl_cooldown\r");
        int plain = vt.await(printed(model.call("param.show vcl_cooldown")), json);
        assertTrue(plain > json);
        vt.type("-param.show -l\r");
        vt.await(Repl.PROMPT, vt.await("Value is:", plain));
        vt.type("param.show\r");
        vt.await(printed(model.call("param.show")), plain);
        List<List<String>> sent = model.channel().sent();
        assertEquals(List.of("param.show", "-j", "vcl_cooldown"), sent.get(1));
        assertEquals(List.of("param.show", "vcl_cooldown"), sent.get(2));
        assertEquals(List.of("param.show", "-l"), sent.get(3));
        assertEquals(List.of("param.show"), sent.get(4));
    }

    @Test
    void tabCompletesWithoutPrinting() throws Exception {
        runRepl();
        int from = vt.screen().length();
        vt.type("param.sh\t");
        vt.await("param.show ", from);
        vt.type("vcl_cool\t\r");
        vt.await("Value is:", from);
        assertEquals(List.of("param.show", "vcl_cooldown"), model.channel().sent().get(
                model.channel().sent().size() - 1));
        assertFalse(vt.screen().contains("\"request\""), vt.screen());
        assertFalse(vt.screen().contains("\"implemented\""), vt.screen());
    }

    @Test
    void tabInsideHereDocumentIsATab() throws Exception {
        runRepl();
        vt.type("vcl.inline h2 << EOF\r\tvcl\r" + "EOF\r");
        vt.await(Repl.PROMPT, vt.await("heredoc> EOF\n"));
        assertEquals(List.of("vcl.inline", "h2", "\tvcl\n"), model.channel().sent().get(1));
    }
}
