package vclab.cli.adm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliServer;
import vclab.cli.Dialect;
import vclab.cli.FakeCliService;
import vclab.cli.vsm.VsmWriter;

class AdmProgramTest {
    static final String USAGE = "Usage: varnishadm [-h] [-n ident] [-p] [-S secretfile]"
            + " [-T [address]:port] [-t timeout] [command [...]]\n"
            + "\t-n is mutually exclusive with -S and -T\n";
    static final String PONG = "PONG \\d+ 1\\.0";

    @TempDir
    Path dir;
    private Path secretFile;
    private FakeCliService service;
    private CliServer server;
    private String address;
    private final List<AdmOptions> embeddedCalls = new ArrayList<>();
    private int interactiveCalls;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        secretFile = Files.writeString(dir.resolve("secret"), "adm-test-secret\n");
        service = new FakeCliService(Files.readAllBytes(secretFile));
        server = CliServer.start(service, CliServer.Options.defaults()
                .withAddress("127.0.0.1:0").withCliTimeout(() -> Duration.ofSeconds(30)));
        address = "127.0.0.1:" + server.addresses().get(0).getPort();
    }

    @AfterEach
    void stop() {
        service.release();
        server.close();
    }

    private Run run(InputStream stdin, boolean terminal, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AdmProgram.Streams streams = new AdmProgram.Streams(stdin,
                new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1), terminal);
        AdmProgram program = new AdmProgram(streams, (client, output, s) -> {
            interactiveCalls++;
            return 0;
        }, (options, s) -> {
            embeddedCalls.add(options);
            return 0;
        }, Dialect.V7_1);
        int exit = program.run(List.of(args));
        return new Run(exit, out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1));
    }

    private Run run(String... args) throws Exception {
        return run(new ByteArrayInputStream(new byte[0]), false, args);
    }

    private Run pass(String stdin, String... args) throws Exception {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)), false,
                args);
    }

    private String[] withAuth(String... command) {
        List<String> args = new ArrayList<>(List.of("-T", address, "-S", secretFile.toString()));
        args.addAll(List.of(command));
        return args.toArray(new String[0]);
    }

    @Test
    void pingPrintsTheBodyAndANewline() throws Exception {
        Run run = run(withAuth("ping"));
        assertEquals(0, run.exit());
        assertTrue(run.out().matches(PONG + "\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void rawHeadersPrintTheHeaderAndNoNewline() throws Exception {
        Run run = run("-T", address, "-S", secretFile.toString(), "-p", "ping");
        assertEquals(0, run.exit());
        assertTrue(run.out().matches("200 19      \n" + PONG), run.out());
    }

    @Test
    void failedCommandPrintsTheBodyAndTheCode() throws Exception {
        Run run = run(withAuth("nosuch"));
        assertEquals(1, run.exit());
        assertEquals(FakeCliService.UNKNOWN + "\n", run.out());
        assertEquals("Command failed with error code 101\n", run.err());
    }

    @Test
    void rawHeadersFailureHasNoStderr() throws Exception {
        Run run = run("-T", address, "-S", secretFile.toString(), "-p", "nosuch");
        assertEquals(1, run.exit());
        assertEquals("101 44      \n" + FakeCliService.UNKNOWN, run.out());
        assertEquals("", run.err());
    }

    @Test
    void quitIsAFailedCommand() throws Exception {
        Run run = run(withAuth("quit"));
        assertEquals(1, run.exit());
        assertEquals("Closing CLI connection\n", run.out());
        assertEquals("Command failed with error code 500\n", run.err());
    }

    @Test
    void truncatedReplyIsMarked() throws Exception {
        Run run = run(withAuth("debug.truncated"));
        assertEquals(0, run.exit());
        assertEquals("abc\n[response was truncated]\n", run.out());
    }

    @Test
    void wordsAreJoinedWithoutQuoting() throws Exception {
        Run run = run(withAuth("debug.argv", "a b", "c"));
        assertEquals(FakeCliService.echoBody(List.of("a", "b", "c")) + "\n", run.out());
        Run quoted = run(withAuth("debug.argv", "\"a b\"", "c"));
        assertEquals(FakeCliService.echoBody(List.of("a b", "c")) + "\n", quoted.out());
    }

    @Test
    void optionsStopAtTheFirstWord() throws Exception {
        Run run = run(withAuth("debug.argv", "-x", "-T"));
        assertEquals(FakeCliService.echoBody(List.of("-x", "-T")) + "\n", run.out());
    }

    @Test
    void missingSecretOptionNeedsAuthentication() throws Exception {
        Run run = run("-T", address, "ping");
        assertEquals(2, run.exit());
        assertEquals("Authentication required\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void wrongSecretIsRejected() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
        Run run = run("-T", address, "-S", wrong.toString(), "ping");
        assertEquals(2, run.exit());
        assertEquals("Rejected 500\n\n", run.err());
    }

    @Test
    void missingSecretFileIsReported() throws Exception {
        Path missing = dir.resolve("nosuch.secret");
        Run run = run("-T", address, "-S", missing.toString(), "ping");
        assertEquals(2, run.exit());
        assertEquals("Cannot open \"" + missing + "\": No such file or directory\n", run.err());
    }

    @Test
    void refusedConnectionIsReported() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        Run run = run("-T", "127.0.0.1:" + port, "ping");
        assertEquals(2, run.exit());
        assertEquals("Connection failed (127.0.0.1:" + port + "): Connection refused\n",
                run.err());
    }

    @Test
    void usageErrorsExitWith1() throws Exception {
        assertEquals(new Run(1, "", USAGE), run("-T", address, "-n", "x", "ping"));
        assertEquals(new Run(1, "", USAGE), run("-S", "x", "ping"));
        assertEquals(new Run(1, "", "varnishadm: invalid option -- 'e'\n" + USAGE),
                run("-T", address, "-e", "ping"));
        assertEquals(new Run(1, "", "varnishadm: option requires an argument -- 'T'\n" + USAGE),
                run("-T"));
        assertEquals(new Run(1, "", "varnishadm: invalid option -- '-'\n" + USAGE),
                run("--optstring", "x"));
    }

    @Test
    void helpExitsWith0() throws Exception {
        assertEquals(new Run(0, "", USAGE), run("-h"));
        assertEquals(new Run(0, "", USAGE), run("-h", "-x"));
    }

    @Test
    void optstringIsPrintedAlone() throws Exception {
        assertEquals(new Run(0, "hn:pS:T:t:\n", ""), run("--optstring"));
    }

    @Test
    void clusteredOptionsAreParsed() throws Exception {
        Run run = run("-pT" + address, "-S" + secretFile, "ping");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("200 19      \n"), run.out());
    }

    @Test
    void invalidTimeoutIsCheckedAfterConnecting() throws Exception {
        Run run = run("-T", address, "-S", secretFile.toString(), "-t", "abc", "ping");
        assertEquals(new Run(2, "", "-t: Invalid argument: abc"), run);
        assertEquals(List.of("ping"), argvOfExecuted());
    }

    private List<String> argvOfExecuted() {
        List<String> words = new ArrayList<>();
        service.executed().forEach(r -> words.add(String.join(" ", r.argv())));
        return words.subList(1, words.size());
    }

    @Test
    void timeoutAcceptsWhatStrtodReads() throws Exception {
        for (String value : List.of("0", "1.5", " 2", "+3", "0x10", "1e1", "", "-0")) {
            Run run = run("-T", address, "-S", secretFile.toString(), "-t", value, "ping");
            assertEquals(0, run.exit(), "-t '" + value + "': " + run.err());
        }
        for (String value : List.of("abc", "-1", "inf", "nan", "1e", "5 ", "off", "0x")) {
            Run run = run("-T", address, "-S", secretFile.toString(), "-t", value, "ping");
            assertEquals(new Run(2, "", "-t: Invalid argument: " + value), run);
        }
    }

    @Test
    void unreadableReplyIsReportedWithExit2() throws Exception {
        Run run = run("-T", address, "-S", secretFile.toString(), "-t", "0.2", "debug.block");
        assertEquals(2, run.exit());
        assertEquals("CLI communication error (hdr)\n", run.err());
    }

    @Test
    void passModePrintsEveryReply() throws Exception {
        Run run = pass("ping\n\nnosuch\nbanner\n", "-T", address, "-S", secretFile.toString());
        assertEquals(0, run.exit());
        assertTrue(run.out().matches(PONG + "\n" + FakeCliService.UNKNOWN + "\n"
                + "(?s)-{29}.*Type 'quit' to close CLI session.\n\n"), run.out());
    }

    @Test
    void passModeWithRawHeaders() throws Exception {
        Run run = pass("ping\nnosuch\n", "-T", address, "-S", secretFile.toString(), "-p");
        assertTrue(run.out().matches("200 19      \n" + PONG + "101 44      \n"
                + FakeCliService.UNKNOWN), run.out());
    }

    @Test
    void passModeSendsHereDocumentsUnchanged() throws Exception {
        Run run = pass("debug.argv x << EOF\nline 1\n\"q\\\"\nEOF\n", withAuth());
        assertEquals(FakeCliService.echoBody(List.of("x", "line 1\n\"q\\\"\n")) + "\n",
                run.out());
    }

    @Test
    void passModeIgnoresUnfinishedLine() throws Exception {
        Run run = pass("ping\nping", withAuth());
        assertEquals(0, run.exit());
        assertTrue(run.out().matches(PONG + "\n"), run.out());
    }

    @Test
    void passModeEndsQuietlyAfterQuit() throws Exception {
        Run run = pass("quit\nping\n", withAuth());
        assertEquals(new Run(0, "Closing CLI connection\n", ""), run);
    }

    @Test
    void passModeReportsALostConnection() throws Exception {
        server.close();
        server = CliServer.start(service, CliServer.Options.defaults()
                .withAddress("127.0.0.1:0").withCliTimeout(() -> Duration.ofMillis(300)));
        address = "127.0.0.1:" + server.addresses().get(0).getPort();
        try (PipedOutputStream keepOpen = new PipedOutputStream();
                PipedInputStream stdin = new PipedInputStream(keepOpen)) {
            Run run = run(stdin, false, withAuth());
            assertEquals(new Run(2, "", "CLI communication error (hdr)\n"), run);
        }
    }

    @Test
    void terminalWithoutCommandRunsTheInteractiveFrontEnd() throws Exception {
        Run run = run(new ByteArrayInputStream(new byte[0]), true, withAuth());
        assertEquals(0, run.exit());
        assertEquals(1, interactiveCalls);
    }

    @Test
    void terminalWithRawHeadersUsesPassMode() throws Exception {
        byte[] ping = "ping\n".getBytes(StandardCharsets.US_ASCII);
        Run run = run(new ByteArrayInputStream(ping), true, "-T", address,
                "-S", secretFile.toString(), "-p");
        assertEquals(0, interactiveCalls);
        assertTrue(run.out().startsWith("200 19"), run.out());
    }

    @Test
    void neitherAddressNorWorkdirRunsTheEmbeddedModel() throws Exception {
        Run run = run("ping");
        assertEquals(0, run.exit());
        assertEquals(List.of("ping"), embeddedCalls.get(0).command());
    }

    @Test
    void defaultFrontEndsExplainTheyAreMissing() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AdmProgram.Streams streams = new AdmProgram.Streams(new ByteArrayInputStream(
                new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), true);
        assertEquals(2, AdmProgram.embeddedUnavailable(null, streams));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not available yet"));
    }

    @Test
    void workdirLeadsToTheServer() throws Exception {
        Path workdir = dir.resolve("wd");
        try (VsmWriter vsm = VsmWriter.create(workdir)) {
            vsm.publishArg("-T", server.vsmAddressLines());
            vsm.publishArg("-S", secretFile.toString());
            Run run = run("-n", workdir.toString(), "ping");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().matches(PONG + "\n"), run.out());
        }
    }

    @Test
    void workdirTriesEveryPublishedAddress() throws Exception {
        Path workdir = dir.resolve("wd");
        int refused;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = unused.getLocalPort();
        }
        try (VsmWriter vsm = VsmWriter.create(workdir)) {
            vsm.publishArg("-T", "127.0.0.1 " + refused + "\n" + server.vsmAddressLines());
            vsm.publishArg("-S", secretFile.toString());
            Run run = run("-n", workdir.toString(), "ping");
            assertEquals(0, run.exit());
            assertEquals("Connection failed (127.0.0.1 " + refused + "): Connection refused\n",
                    run.err());
        }
    }

    @Test
    void workdirWithoutAddressIsReported() throws Exception {
        Path workdir = dir.resolve("wd");
        try (VsmWriter vsm = VsmWriter.create(workdir)) {
            Run run = run("-n", workdir.toString(), "ping");
            assertEquals(new Run(2, "", "No -T in shared memory\n"), run);
        }
    }

    @Test
    void workdirRejectsABadTimeoutBeforeAttaching() throws Exception {
        Run run = run("-n", dir.resolve("none").toString(), "-t", "abc", "ping");
        assertEquals(new Run(2, "", "-t: Invalid argument: abc\n"), run);
    }

    @Test
    void workdirTimeoutOffFailsAfterConnect() throws Exception {
        Path workdir = dir.resolve("wd");
        try (VsmWriter vsm = VsmWriter.create(workdir)) {
            vsm.publishArg("-T", server.vsmAddressLines());
            vsm.publishArg("-S", secretFile.toString());
            Run run = run("-n", workdir.toString(), "-t", "off", "ping");
            assertEquals(new Run(2, "", "-t: Invalid argument: off"), run);
        }
    }

    @Test
    void missingWorkdirGivesUpAfterThePatience() throws Exception {
        Run run = run("-n", dir.resolve("none").toString(), "-t", "0", "ping");
        assertEquals(new Run(2, "", "Could not get hold of varnishd, is it running?\n"), run);
    }
}
