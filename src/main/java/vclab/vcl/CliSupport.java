package vclab.vcl;

/**
 * What the child needs from the CLI layer: reading the manager's command lines and running
 * them against the worker's command table, as the child's CLI thread does.
 */
public interface CliSupport {
    /** Tokenizes and runs one command line on the child's CLI thread. */
    Reply execute(Child child, String line);
}
