package vclab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vclab.testing.SharedFolder;

/**
 * The golden transcripts of a real varnishd 7.1.1, read from the shared folder (see
 * {@link SharedFolder}). Tests that need them skip when it is absent.
 */
public final class WireGolden {
    private WireGolden() {
    }

    /** Returns the golden directory; skips the calling test when there is none. */
    public static Path directory() {
        return SharedFolder.resolve("golden/varnish-7.1.1");
    }

    /** Returns the entries of one topic of transcripts.json ("errors", "varnishadm"...). */
    public static List<JsonNode> topic(String name) {
        try {
            JsonNode root = new ObjectMapper().readTree(directory().resolve("transcripts.json")
                    .toFile());
            List<JsonNode> entries = new ArrayList<>();
            root.get(name).forEach(entries::add);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the bytes of a transcript string, which holds bytes as Latin-1 chars. */
    public static byte[] bytes(String text) {
        return text.getBytes(CliProtocol.CHARSET);
    }
}
