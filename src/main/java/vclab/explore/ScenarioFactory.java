package vclab.explore;

import java.io.IOException;
import java.nio.file.Path;

/** Builds the {@link Scenario} of a script file, for {@code vclab explore}. */
public interface ScenarioFactory {
    /**
     * Parses and prepares {@code file} once; the scenario then builds a fresh world per run.
     *
     * @param model the id of the Varnish model to run under, or null for the default
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the script is invalid, with a message naming where
     */
    Scenario create(Path file, String model) throws IOException;

    /** Returns a factory whose {@link #create} throws with {@code reason}. */
    static ScenarioFactory unavailable(String reason) {
        return (file, model) -> {
            throw new UnsupportedOperationException(reason);
        };
    }
}
