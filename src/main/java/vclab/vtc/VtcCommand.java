package vclab.vtc;

import java.util.List;

/**
 * One command of a script, as split by the parser.
 *
 * @param words the words, the first one naming the command
 * @param pos where the command starts
 * @param lineText the physical line from the command's start, as the {@code ===} log line
 *     shows it
 */
public record VtcCommand(List<VtcWord> words, SourcePos pos, String lineText) {

    public VtcCommand {
        words = List.copyOf(words);
    }

    /** Returns the name of the command: its first word. */
    public String name() {
        return words.get(0).text();
    }
}
