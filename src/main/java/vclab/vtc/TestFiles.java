package vclab.vtc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads test files and checks them as varnishtest does before running anything. */
final class TestFiles {

    /** A file that passed the checks, parsed. */
    record Loaded(String name, ParsedScript script) {
    }

    private TestFiles() {
    }

    /**
     * Reads and checks one file; prints the error and returns null if it cannot run.
     *
     * @param skipped incremented for a file with the wrong first word, which varnishtest
     *     counts as skipped
     */
    static Loaded load(String name, Path pwd, PrintStream err, int[] skipped) {
        String text;
        try {
            text = decode(Files.readAllBytes(pwd.resolve(name)));
        } catch (IOException e) {
            err.println("Cannot stat file \"" + name + "\": " + BasicCommands.strerror(e));
            return null;
        }
        int[] lineCol = {1, 1};
        int i = firstContent(text, lineCol);
        if (i >= text.length()) {
            err.println(name + ":" + lineCol[0] + ":" + lineCol[1] + ": File \"" + name
                    + "\" has no content.");
            return null;
        }
        if (!startsWithWord(text, i, "varnishtest") && !startsWithWord(text, i, "vtest")) {
            err.println(name + ":" + lineCol[0] + ":" + lineCol[1] + ": File \"" + name
                    + "\" doesn't start with 'vtest' or 'varnishtest'");
            skipped[0]++;
            return null;
        }
        return new Loaded(name, VtcScriptParser.parse(text, name));
    }

    /**
     * Returns the script text of a file's bytes. varnishtest 7.1.1 reads a C string, so the
     * text ends at the first NUL byte. It is decoded as UTF-8, or as ISO-8859-1 when it is
     * not UTF-8, so that vclab accepts any byte as varnishtest does.
     */
    static String decode(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        ByteBuffer script = ByteBuffer.wrap(bytes, 0, end);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(script).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Returns why {@code bytes} are not UTF-8 text (a NUL byte or an invalid byte, with its
     * offset), or null if they are.
     */
    static String notText(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return "it contains a NUL byte at offset " + i;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return String.format("it is not UTF-8 text (byte 0x%02x at offset %d)",
                    bytes[in.position()] & 0xff, in.position());
        }
        return null;
    }

    /**
     * Replaces each directory among {@code names} by the .vtc files below it, in path order
     * (varnishtest itself takes files only). Prints an error and returns null for a directory
     * without any.
     */
    static List<String> expandDirectories(List<String> names, Path pwd, PrintStream err) {
        List<String> files = new ArrayList<>();
        for (String name : names) {
            Path dir = pwd.resolve(name);
            if (!Files.isDirectory(dir)) {
                files.add(name);
                continue;
            }
            List<String> found = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".vtc")
                        && Files.isRegularFile(p))
                        .map(p -> {
                            String rel = dir.relativize(p).toString();
                            return name.endsWith("/") ? name + rel : name + "/" + rel;
                        })
                        .sorted().forEach(found::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("Cannot read directory \"" + name + "\": " + e.getMessage());
                return null;
            }
            if (found.isEmpty()) {
                err.println("No .vtc files in directory \"" + name + "\"");
                return null;
            }
            files.addAll(found);
        }
        return files;
    }

    /** Skips white space and comment lines; returns the index of the first content. */
    private static int firstContent(String text, int[] lineCol) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineCol[0]++;
                lineCol[1] = 1;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                lineCol[1]++;
                i++;
            } else if (c == '#') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean startsWithWord(String text, int i, String word) {
        int end = i + word.length();
        return text.startsWith(word, i) && end < text.length()
                && Character.isWhitespace(text.charAt(end));
    }

    /**
     * Returns the build tree for {@code -i} from the Makefile's {@code abs_top_builddir},
     * or, like varnishtest 7.1 without a Makefile, {@code <pwd>/../..}; null after an error.
     */
    static String topbuild(Path pwd, PrintStream err) {
        String makefile;
        try {
            makefile = Files.readString(pwd.resolve("Makefile"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            err.println("No Makefile to search for -i flag.");
            return pwd + "/../..";
        }
        int p = makefile.indexOf("\nabs_top_builddir");
        if (p < 0) {
            err.println("could not find 'abs_top_builddir' in Makefile");
            return null;
        }
        int nl = makefile.indexOf('\n', p + 1);
        if (nl < 0) {
            err.println("No NL after 'abs_top_builddir' in Makefile");
            return null;
        }
        String line = makefile.substring(p + 1, nl);
        int slash = line.indexOf('/');
        if (slash < 0) {
            err.println("No '/' after 'abs_top_builddir' in Makefile");
            return null;
        }
        return line.substring(slash);
    }

    /** Returns the colon-separated directories {@code top/sub/prefix*}, in name order. */
    static String buildPath(Path top, String sub, String prefix) {
        List<String> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(top.resolve(sub))) {
            s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
                    .map(Path::toString).sorted().forEach(dirs::add);
        } catch (IOException e) {
            return "";
        }
        return String.join(":", dirs);
    }
}
