package vclab.repl;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the REPL behaves, apart from where it reads and writes.
 *
 * @param historyFile where typed lines are kept between sessions, or null for none
 * @param replyGrace how long the REPL waits for the replies to a line before it shows the
 *     prompt again. Replies that come later are printed above the prompt.
 * @param completionTimeout how long a Tab waits for a completion query's reply
 * @param workingDirectory where {@code vcl.load} file names are completed from
 */
public record ReplSettings(Path historyFile, Duration replyGrace, Duration completionTimeout,
        Path workingDirectory) {

    /** Returns the history file used when none is given: {@code ~/.vclab_history}. */
    public static Path defaultHistoryFile() {
        return Path.of(System.getProperty("user.home"), ".vclab_history");
    }

    /** Returns the settings of {@code vclab adm}, with this history file (null for none). */
    public static ReplSettings standard(Path historyFile) {
        return new ReplSettings(historyFile, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Path.of("").toAbsolutePath());
    }
}
