package vclab.vcl;

import java.util.List;

/**
 * What the child needs from the CLI layer: the tokenizer that reads the manager's command
 * lines, and the dispatcher for the commands the child answers itself (backend.list, help,
 * vcl.show, debug.*), with the worker's command table.
 */
public interface CliSupport {
    /** Tokenizes a command line the way the child's CLI does; null on a syntax error. */
    List<String> tokenizeForChild(String line);

    /** Runs a child command other than the manager's internal vcl.* forms. */
    Reply childCommand(Child child, List<String> argv);
}
