package vclab.vcc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads VCL files the way VCC does (vcc_file_source and VFIL_searchpath): an absolute name
 * directly, a relative one in the directories of vcl_path. Files are read as ISO-8859-1, so
 * that one character is one byte, as VCC counts them.
 */
final class SourceLoader {
    /** A file's name as VCC reports it and its text; or the error text of a failure. */
    record Loaded(String name, String text, String error) {
    }

    private final List<Path> vclPath;

    SourceLoader(List<Path> vclPath) {
        this.vclPath = List.copyOf(vclPath);
    }

    /**
     * Reads a file. On failure the result carries VCC's message, "VCL filename ... is
     * unsafe." or "Cannot read file '...' (reason)", with its newline.
     */
    Loaded load(String fn, boolean unsafePath) {
        if (!unsafePath && fn.indexOf('/') >= 0) {
            return new Loaded(null, null, "VCL filename '" + fn + "' is unsafe.\n");
        }
        if (fn.startsWith("/")) {
            return read(Path.of(fn), fn);
        }
        for (Path dir : vclPath) {
            String name = dir + "/" + fn;
            Path p = Path.of(name);
            if (!Files.exists(p)) {
                continue;
            }
            return read(p, name);
        }
        return new Loaded(null, null, cannotRead(fn, "No such file or directory"));
    }

    private static Loaded read(Path p, String name) {
        try {
            if (Files.isDirectory(p)) {
                // VFIL_readfile opens a directory, then finds it is no regular file and
                // fails without setting errno.
                return new Loaded(null, null, cannotRead(name, "Success"));
            }
            byte[] b = Files.readAllBytes(p);
            return new Loaded(name, new String(b, StandardCharsets.ISO_8859_1), null);
        } catch (NoSuchFileException e) {
            return new Loaded(null, null, cannotRead(name, "No such file or directory"));
        } catch (AccessDeniedException e) {
            return new Loaded(null, null, cannotRead(name, "Permission denied"));
        } catch (IOException e) {
            return new Loaded(null, null, cannotRead(name, "Input/output error"));
        }
    }

    private static String cannotRead(String name, String reason) {
        return "Cannot read file '" + name + "' (" + reason + ")\n";
    }

    /**
     * glob(3) without flags: the files matching a pattern, sorted by name. Only the last
     * path components may contain wildcards; a pattern without wildcards names itself if
     * the file exists.
     */
    static List<String> glob(String pattern) {
        return Glob.expand(pattern);
    }
}
