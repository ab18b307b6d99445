package vclab.cli;

/** The implementation of one CLI command; it writes its reply into {@link CliCall#out()}. */
@FunctionalInterface
public interface CliHandler {
    void handle(CliCall call);
}
