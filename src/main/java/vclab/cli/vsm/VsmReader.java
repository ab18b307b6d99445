package vclab.cli.vsm;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vclab.cli.CliTokenizer;
import vclab.cli.Dialect;
import vclab.cli.NativeCharset;

/**
 * Reads the manager's VSM files of a work directory the way libvarnishapi does for varnishadm
 * {@code -n}: attach (wait until the index names a manager), then copy segments by class and
 * ident. Only the manager's files ({@code _.vsm_mgt}) are read; the child's are not needed to
 * find the CLI.
 */
public final class VsmReader {
    public static final String ATTACH_FAILED = "Could not get hold of varnishd, is it running?";
    private static final long POLL_MILLIS = 250;

    /** One {@code +} line of the index: file, offset, length, and class and ident if any. */
    private record Segment(List<String> fields) {
        boolean matches(String segmentClass, String ident) {
            return fields.size() == 5 && fields.get(3).equals(segmentClass)
                    && (ident == null || fields.get(4).equals(ident));
        }
    }

    private final Path directory;

    private VsmReader(Path directory) {
        this.directory = directory;
    }

    /**
     * Waits until the work directory's index starts with {@code # <pid> <birth>}, polling every
     * 250 ms, and prints a dot to {@code progress} every fourth poll (and a newline at the end
     * after more than four polls), as VSM_Attach does.
     *
     * @param patienceSeconds how long to wait; negative waits for ever (varnishadm's
     *     {@code -t off})
     * @param progress where the dots go, or null for none
     * @throws VsmException {@link #ATTACH_FAILED} when the wait runs out
     */
    public static VsmReader attach(Path workdir, double patienceSeconds, PrintStream progress)
            throws VsmException, InterruptedException {
        Path directory = workdir.resolve(VsmWriter.MGT_DIRECTORY);
        long deadline = patienceSeconds < 0 ? Long.MAX_VALUE
                : System.nanoTime() + (long) (patienceSeconds * 1e9);
        int polls = 0;
        while (true) {
            boolean running = isRunning(directory.resolve(VsmWriter.INDEX));
            if (running || System.nanoTime() > deadline) {
                if (progress != null && polls > 4) {
                    progress.print('\n');
                    progress.flush();
                }
                if (!running) {
                    throw new VsmException(ATTACH_FAILED);
                }
                return new VsmReader(directory);
            }
            polls++;
            if (progress != null && polls % 4 == 0) {
                progress.print('.');
                progress.flush();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** True when the index exists and its first line is {@code # <number> <number>}. */
    private static boolean isRunning(Path index) {
        try {
            List<String> lines = Files.readAllLines(index, StandardCharsets.ISO_8859_1);
            return !lines.isEmpty() && lines.get(0).matches("#\\s*[+-]?\\d+\\s+[+-]?\\d+.*");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Copies the first segment of a class and ident (any ident when null) as a C string: the
     * bytes up to the first NUL, decoded with the platform's file-name charset. Empty when
     * no segment matches.
     *
     * @throws VsmException when the index is malformed or the segment cannot be read
     */
    public Optional<String> dup(String segmentClass, String ident) throws VsmException {
        for (Segment segment : segments()) {
            if (segment.matches(segmentClass, ident)) {
                return Optional.of(read(segment));
            }
        }
        return Optional.empty();
    }

    /** Reads the index: {@code +} lines add segments, {@code -} lines remove them. */
    private List<Segment> segments() throws VsmException {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.resolve(VsmWriter.INDEX),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new VsmException("VSM_Status: Cannot open workdir");
        }
        List<Segment> segments = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty() || (line.charAt(0) != '+' && line.charAt(0) != '-')) {
                continue;
            }
            boolean add = line.charAt(0) == '+';
            CliTokenizer.Result words = CliTokenizer.tokenize(line.substring(1), Dialect.V7_1);
            int count = words.words().size() + 1;
            if (words.isError() || count < 4 || count > 6) {
                throw new VsmException("vsm_vlu_" + (add ? "plus" : "minus")
                        + ": bad index (" + count + "/" + words.error() + ")");
            }
            Segment segment = new Segment(words.words());
            if (add) {
                segments.add(segment);
            } else {
                segments.remove(segment);
            }
        }
        return segments;
    }

    private String read(Segment segment) throws VsmException {
        List<String> fields = segment.fields();
        Path file = directory.resolve(fields.get(0));
        byte[] bytes;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long offset = Long.parseLong(fields.get(1));
            int length = Math.toIntExact(Long.parseLong(fields.get(2)));
            bytes = new byte[length];
            in.seek(offset);
            in.readFully(bytes);
        } catch (IOException | NumberFormatException | ArithmeticException e) {
            throw new VsmException("Could not open segment");
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, NativeCharset.get());
    }
}
