package vclab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import vclab.testing.SharedFolder;

/**
 * Reads the golden transcripts of varnishd 7.1.1 from the shared folder (see
 * {@link SharedFolder}); tests that need them are skipped when there is none.
 */
final class GoldenFiles {
    private GoldenFiles() {
    }

    static Path directory() {
        return SharedFolder.resolve("golden/varnish-7.1.1");
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
