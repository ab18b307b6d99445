package vclab.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;

/**
 * Completes file names for {@code vcl.load}, relative to a base directory. The names are the
 * REPL's own files: right for the embedded model and a server on this machine with the same
 * working directory, a guess for any other server.
 */
final class FileNames {
    private final Path base;

    /** @param base the directory relative names start from */
    FileNames(Path base) {
        this.base = base;
    }

    /**
     * Returns the entries of the directory part of {@code typed} whose names start with its
     * last part; directories end in {@code /} and take no space after them.
     */
    List<Candidate> candidates(String typed) {
        int slash = typed.lastIndexOf('/');
        String directory = slash < 0 ? "" : typed.substring(0, slash + 1);
        String prefix = typed.substring(slash + 1);
        Path dir = directory.isEmpty() ? base : base.resolve(directory);
        List<Candidate> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(prefix) || name.startsWith(".") && !prefix.startsWith(".")) {
                    continue;
                }
                boolean isDirectory = Files.isDirectory(entry);
                String value = directory + name + (isDirectory ? "/" : "");
                candidates.add(ReplCompleter.candidate(value, !isDirectory));
            }
        } catch (IOException | SecurityException e) {
            // Not a readable directory: nothing to offer.
        }
        candidates.sort((a, b) -> a.value().compareTo(b.value()));
        return candidates;
    }
}
