package vclab.repl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import vclab.cli.CliProtocol;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliStatus;
import vclab.cli.Dialect;
import vclab.cli.adm.AdmOutput;

/**
 * varnishadm's interactive mode on JLine: the banner first, then a {@code varnish> } prompt;
 * each line typed goes to the server as it is, and each reply is printed as a status line and
 * the body, as varnishadm prints them. A line that opens a here-document
 * ({@code vcl.inline name << END}) is completed by the following lines up to the terminator,
 * under a {@code heredoc> } prompt, and then sent as one request.
 *
 * <p>Replies are printed whenever they arrive. After a line, the REPL waits for its replies
 * for a short grace period, so that the usual exchange reads in order. A reply that takes
 * longer (a delayed or paused command) is printed above the prompt when it comes, and the
 * user can go on typing meanwhile.
 *
 * <p>Keys: Ctrl-C drops the line being typed (or stops waiting for a reply), Ctrl-D on an
 * empty line leaves with exit code 0, also on an empty {@code heredoc> } line, where the
 * unfinished command is not sent (varnishadm, which reads line by line, leaves there too). Tab
 * completes (a Tab inside a here-document is a Tab).
 * {@code quit} ends the session through the server's 500 reply.
 */
public final class Repl {
    public static final String PROMPT = "varnish> ";
    /** JLine's secondary prompt: the parser names what is missing, {@code heredoc}. */
    public static final String SECONDARY_PROMPT = "%M> ";

    private static final String TAB_WIDGET = "vclab-tab";
    private static final String CONTROL_D_WIDGET = "vclab-control-d";

    private final Terminal terminal;
    private final CliChannel channel;
    private final ReplSettings settings;
    private final PrintStream err;
    private final RequestFraming framing;
    private final Object printLock = new Object();
    private volatile LineReader reader;
    /**
     * Whether a 500 reply was printed. The session ends with it, as trunk's varnishadm exits
     * right after printing one; the channel may notice the close a moment later.
     */
    private volatile boolean closeReplied;
    private final Object wakeLock = new Object();
    /** The thread in {@link #run}, woken when the session ends; null outside run. */
    private Thread replThread;

    /**
     * @param dialect the server's tokenizer rules, which decide where a request ends
     * @param err where a lost connection is reported
     */
    public Repl(Terminal terminal, CliChannel channel, Dialect dialect, ReplSettings settings,
            PrintStream err) {
        this.terminal = terminal;
        this.channel = channel;
        this.settings = settings;
        this.err = err;
        this.framing = new RequestFraming(dialect, terminal.encoding());
    }

    /**
     * Runs the session until Ctrl-D, {@code quit} or the end of the connection.
     *
     * @return 0, or 2 after a lost connection (whose error is printed, as trunk does)
     */
    public int run() {
        reader = buildReader();
        synchronized (wakeLock) {
            replThread = Thread.currentThread();
        }
        channel.onClose(this::wake);
        // Raw mode for the whole session, not only inside readLine: in the tty's normal mode
        // a Ctrl-D typed between two lines would be taken as end of input and lost.
        Attributes original = terminal.enterRawMode();
        try {
            return session();
        } finally {
            terminal.setAttributes(original);
            synchronized (wakeLock) {
                replThread = null;
                Thread.interrupted();
            }
        }
    }

    /** Interrupts a readLine or a wait for replies, so that run notices the session's end. */
    private void wake() {
        synchronized (wakeLock) {
            if (replThread != null) {
                replThread.interrupt();
            }
        }
    }

    private int session() {
        awaitReplies(List.of(submit(request("banner"))));
        while (true) {
            // Clear a wake-up left from a wait; its cause, the session's end, is checked next.
            Thread.interrupted();
            if (channel.isClosed() || closeReplied) {
                break;
            }
            String text;
            try {
                text = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                newLineOnDumbTerminal();
                continue;
            } catch (EndOfFileException e) {
                return 0;
            }
            List<CompletableFuture<CliReply>> replies = new ArrayList<>();
            for (CliRequest request : framing.frame(text).requests()) {
                replies.add(submit(request));
            }
            awaitReplies(replies);
        }
        if (channel.isBroken()) {
            err.print(channel.failure() + "\n");
            err.flush();
            return 2;
        }
        return 0;
    }

    /** Ends the line the tty echoed {@code ^C} on; JLine does that itself elsewhere. */
    private void newLineOnDumbTerminal() {
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            terminal.writer().println();
            terminal.flush();
        }
    }

    private LineReader buildReader() {
        CompletionQueries queries = new CompletionQueries(channel, framing,
                settings.completionTimeout());
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("vclab")
                .parser(new ReplParser(framing))
                .completer(new ReplCompleter(queries, new FileNames(settings
                        .workingDirectory())))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, SECONDARY_PROMPT)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .option(LineReader.Option.INSERT_TAB, false);
        if (settings.historyFile() != null) {
            builder.variable(LineReader.HISTORY_FILE, settings.historyFile());
        }
        LineReader built = builder.build();
        built.getWidgets().put(TAB_WIDGET, () -> tab(built));
        built.getKeyMaps().get(LineReader.EMACS).bind(new Reference(TAB_WIDGET), KeyMap.ctrl('I'));
        built.getWidgets().put(CONTROL_D_WIDGET, () -> controlD(built));
        built.getKeyMaps().get(LineReader.EMACS).bind(new Reference(CONTROL_D_WIDGET),
                KeyMap.ctrl('D'));
        return built;
    }

    /**
     * Leaves on an empty {@code heredoc> } line, as on an empty first line. Elsewhere Ctrl-D
     * keeps JLine's meaning: delete the character under the cursor, or list completions.
     */
    private static boolean controlD(LineReader reader) {
        String buffer = reader.getBuffer().toString();
        boolean atEnd = reader.getBuffer().cursor() == buffer.length();
        if (atEnd && buffer.indexOf('\n') >= 0 && buffer.endsWith("\n")) {
            throw new EndOfFileException();
        }
        reader.callWidget(LineReader.DELETE_CHAR_OR_LIST);
        return true;
    }

    /** Completes, except inside a here-document, where VCL wants its Tab characters. */
    private static boolean tab(LineReader reader) {
        String before = reader.getBuffer().substring(0, reader.getBuffer().cursor());
        if (before.indexOf('\n') >= 0) {
            reader.getBuffer().write('\t');
            return true;
        }
        reader.callWidget(LineReader.COMPLETE_WORD);
        return true;
    }

    private CliRequest request(String line) {
        return framing.frame(line).requests().get(0);
    }

    private CompletableFuture<CliReply> submit(CliRequest request) {
        CompletableFuture<CliReply> reply = channel.send(request);
        // A reply lost to the session's end is not printed; run() reports how it ended.
        return reply.whenComplete((r, e) -> {
            if (r != null) {
                print(r);
                if (r.status() == CliStatus.CLOSE) {
                    closeReplied = true;
                }
            }
        });
    }

    /**
     * Waits until the replies are printed, the grace period ends, Ctrl-C is pressed or the
     * session ends, whichever comes first. Keys typed meanwhile wait for the next readLine.
     */
    private void awaitReplies(List<CompletableFuture<CliReply>> replies) {
        if (replies.isEmpty()) {
            return;
        }
        Thread waiter = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT,
                signal -> waiter.interrupt());
        try {
            CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0]))
                    .get(settings.replyGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | TimeoutException | ExecutionException e) {
            // Stop waiting: the replies still owed are printed when they arrive.
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /** Prints a reply as varnishadm's interactive mode does, above the prompt if one shows. */
    private void print(CliReply reply) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new AdmOutput(new PrintStream(bytes, true, CliProtocol.CHARSET), false).print(reply, true);
        String text = bytes.toString(terminalCharset());
        synchronized (printLock) {
            reader.printAbove(text);
        }
    }

    private Charset terminalCharset() {
        return terminal.encoding();
    }
}
