package vclab.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden transcripts of a real varnishd 7.1.1, found by walking up from the working
 * directory to the first directory holding {@code shared/golden/varnish-7.1.1}. Tests that
 * need them skip when they are absent.
 */
public final class WireGolden {
    private static final String RELATIVE = "shared/golden/varnish-7.1.1";

    private WireGolden() {
    }

    /** Returns the golden directory; skips the calling test when there is none. */
    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        assumeTrue(false, "no " + RELATIVE + " above " + Path.of("").toAbsolutePath());
        return null;
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
