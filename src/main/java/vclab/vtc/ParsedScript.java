package vclab.vtc;

import java.util.List;

/**
 * The result of parsing a script: the commands before the first syntax error, and that error
 * if there is one. varnishtest splits a script one line at a time, so the commands before a
 * broken line still run and the error strikes when its line is reached.
 *
 * @param commands the commands in script order
 * @param error the first syntax error, or null
 */
public record ParsedScript(List<VtcCommand> commands, VtcSyntaxError error) {

    public ParsedScript {
        commands = List.copyOf(commands);
    }
}
