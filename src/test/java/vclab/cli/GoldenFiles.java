package vclab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the golden transcripts of varnishd 7.1.1: the first directory, walking up from the
 * working directory, that contains {@code shared/golden}. Tests that need them are skipped
 * when there is none.
 */
final class GoldenFiles {
    private static final String GOLDEN = "shared/golden/varnish-7.1.1";

    private GoldenFiles() {
    }

    static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(GOLDEN);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        Assumptions.abort("no " + GOLDEN + " above " + Path.of("").toAbsolutePath());
        return null;
    }

    /** transcripts.json: topic name to a list of entries. */
    static JsonNode transcripts() {
        try {
            return new ObjectMapper().readTree(directory().resolve("transcripts.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the first raw entry of a topic with that label. */
    static JsonNode entry(String topic, String label) {
        for (JsonNode entry : transcripts().get(topic)) {
            if (label.equals(entry.path("label").asText(null))) {
                return entry;
            }
        }
        throw new IllegalArgumentException("no entry '" + label + "' in topic " + topic);
    }

    /** Returns the body of a raw entry: the reply without the protocol's closing newline. */
    static String body(JsonNode entry) {
        String reply = entry.get("reply").asText();
        return reply.substring(0, reply.length() - 1);
    }
}
