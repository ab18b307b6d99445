package vclab.cli.vsm;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vclab.cli.NativeCharset;

/**
 * Publishes the manager's VSM files in a work directory, so that varnishadm {@code -n} (the
 * real one or vclab's) finds the CLI address and the secret file.
 *
 * <p>The layout is varnishd 7.1's (bin/varnishd/common/common_vsmw.c):
 * {@code <workdir>/_.vsm_mgt/_.index} starts with {@code # <pid> <birth>}, then has one line
 * {@code + <file> <offset> <length> <class> <ident>} per segment. Each segment here has a file
 * of its own, {@code _.<class>.<16 hex digits>}, with the payload at offset 0, zero-padded to
 * a whole page. The length is the payload's rounded up to 8 bytes. varnishd publishes its
 * {@code -T} argument as class {@code Arg}, ident {@code -T} (lines {@code <address> <port>\n},
 * plus the C string's NUL) and the secret file's path as {@code Arg -S}.
 *
 * <p>varnishd appends to the index; this writer rewrites it and renames it into place, so a
 * reader never sees half a line. {@link #close()} removes every file it wrote.
 */
public final class VsmWriter implements Closeable {
    public static final String MGT_DIRECTORY = "_.vsm_mgt";
    public static final String INDEX = "_.index";
    private static final int PAGE_BYTES = 4096;
    private static final System.Logger LOG = System.getLogger(VsmWriter.class.getName());

    private record Segment(String file, long length, String segmentClass, String ident) {
        String indexLine() {
            return "+ " + file + " 0 " + length + " " + segmentClass + " " + ident + "\n";
        }
    }

    private final Path directory;
    private final long pid = ProcessHandle.current().pid();
    private final long birth = Instant.now().getEpochSecond();
    private final SecureRandom random = new SecureRandom();
    private final List<Segment> segments = new ArrayList<>();
    private boolean closed;

    private VsmWriter(Path directory) {
        this.directory = directory;
    }

    /**
     * Creates the work directory if needed and a fresh {@code _.vsm_mgt} in it, with an index
     * that names this process.
     *
     * @throws IOException if the files cannot be written, or if the index there names a
     *     process that is still running (another varnishd or vclab owns the directory)
     */
    public static VsmWriter create(Path workdir) throws IOException {
        Files.createDirectories(workdir);
        Path directory = workdir.resolve(MGT_DIRECTORY);
        checkNotInUse(workdir, directory.resolve(INDEX));
        removeDirectory(directory);
        Files.createDirectory(directory);
        setPermissions(directory, "rwxr-xr-x");

        VsmWriter writer = new VsmWriter(directory);
        writer.writeIndex();
        return writer;
    }

    private static void checkNotInUse(Path workdir, Path index) throws IOException {
        if (!Files.isReadable(index)) {
            return;
        }
        String head;
        try (Stream<String> lines = Files.lines(index, StandardCharsets.ISO_8859_1)) {
            head = lines.findFirst().orElse("");
        }
        String[] fields = head.split(" ");
        if (fields.length < 3 || !fields[0].equals("#")) {
            return;
        }
        long owner;
        try {
            owner = Long.parseLong(fields[1]);
        } catch (NumberFormatException e) {
            return;
        }
        boolean alive = ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            throw new IOException("work directory " + workdir + " is in use by process "
                    + owner + ", which its " + MGT_DIRECTORY + "/" + INDEX
                    + " names; stop it or choose another -n");
        }
    }

    /** Returns the {@code _.vsm_mgt} directory. */
    public Path directory() {
        return directory;
    }

    /** Publishes a C string as class {@code Arg}, as varnishd does for -T, -S and -i. */
    public void publishArg(String ident, String value) throws IOException {
        byte[] text = value.getBytes(NativeCharset.get());
        byte[] payload = new byte[text.length + 1];
        System.arraycopy(text, 0, payload, 0, text.length);
        publish("Arg", ident, payload);
    }

    /** Publishes one segment: writes its file, then the index that lists it. */
    public synchronized void publish(String segmentClass, String ident, byte[] payload)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("VSM writer for " + directory + " is closed");
        }
        if (payload.length == 0) {
            throw new IllegalArgumentException("VSM segment " + segmentClass + " " + ident
                    + " is empty; readers need a length above 0");
        }
        long length = roundUp(payload.length, 8);
        byte[] content = new byte[(int) roundUp(length, PAGE_BYTES)];
        System.arraycopy(payload, 0, content, 0, payload.length);
        String file = createSegmentFile(segmentClass, content);
        segments.add(new Segment(file, length, segmentClass, ident));
        writeIndex();
    }

    private String createSegmentFile(String segmentClass, byte[] content) throws IOException {
        while (true) {
            String name = "_." + segmentClass + "." + String.format("%016x", random.nextLong());
            Path path = directory.resolve(name);
            try {
                Files.write(path, content, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            setPermissions(path, "rw-r-----");
            return name;
        }
    }

    private void writeIndex() throws IOException {
        StringBuilder index = new StringBuilder("# " + pid + " " + birth + "\n");
        for (Segment segment : segments) {
            index.append(segment.indexLine());
        }
        Path temporary = directory.resolve(INDEX + "." + String.format("%016x",
                random.nextLong()));
        Files.writeString(temporary, index, StandardCharsets.ISO_8859_1);
        setPermissions(temporary, "rw-r-----");
        Files.move(temporary, directory.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static long roundUp(long value, long unit) {
        return (value + unit - 1) / unit * unit;
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    /** Removes a stale {@code _.vsm_mgt} and the files in it. */
    private static void removeDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }

    /** Removes the index, every segment file and the directory; varnishd does so at exit. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(directory.resolve(INDEX));
            for (Segment segment : segments) {
                Files.deleteIfExists(directory.resolve(segment.file()));
            }
            removeDirectory(directory);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove VSM files in {0}: {1}", directory,
                    e.toString());
        }
    }
}
