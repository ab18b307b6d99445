package vclab.vrt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one modelled release prints and how its probe code behaves, where that differs
 * between releases: version strings and the file lines in panic texts. Each historical model
 * carries one of these; the values come from the releases' sources and from runs of them.
 *
 * @param version release version, for example "7.1.1"
 * @param revision the git commit of that release, for banners and panics
 * @param vrtApi the "vrt api" version printed in panics
 * @param probeStates true from 7.6: probes have the cold/scheduled/running/cooling/deleted
 *     state machine; before, an enabled probe is simply in the scheduler heap
 * @param vbpEnableLine line of the double-enable failure in cache_backend_probe.c
 * @param vbpDisableLine line of the failure when disabling a cold probe
 * @param vbpRemoveLine line of the failure when removing a probe that is still enabled, or 0
 *     when the release removes it silently
 * @param vbpTaskLine line of the heap assertion when a deleted probe's poke completes
 *     (releases before 7.6)
 * @param coldAddLine line in cache_vrt_vcl.c of "Dynamic Backends can only be added to warm VCLs"
 * @param vcldirFreeLine line of {@code AZ(vdir->refcnt)} in vcldir_free (v7.4's cooling path)
 * @param assignCondition the condition text of the magic check on {@code src} in
 *     VRT_Assign_Backend, whose line is {@code line("VRT_Assign_Backend.src_magic")}
 * @param bigQuitLine line in cache_main.c of "It's time for the big quit", or 0 when the
 *     release has no handler and the child is killed without a panic text
 * @param noProbeHappy the VBE happy counter of a backend without a probe: 0 before 8.0,
 *     all ones from 8.0
 */
public record ReleaseFacts(String version, String revision, String vrtApi, boolean probeStates,
        int vbpEnableLine, int vbpDisableLine, int vbpRemoveLine, int vbpTaskLine,
        int coldAddLine, int vcldirFreeLine, String assignCondition,
        int bigQuitLine, long noProbeHappy) {

    /**
     * Returns the source line of assertion {@code key} in this release, from the table in
     * {@code release-lines.tsv} (one row per assertion, one column per modelled revision),
     * or 0 when the release has no such assertion ("-" in the table).
     *
     * @throws IllegalArgumentException when the table has no row {@code key}
     */
    public int line(String key) {
        Map<String, Integer> row = Lines.TABLE.get(key);
        if (row == null) {
            throw new IllegalArgumentException("no assertion " + key + " in release-lines.tsv");
        }
        return row.getOrDefault(revision.substring(0, 7), 0);
    }

    /** The table of assertion lines, read once. */
    private static final class Lines {
        /** The header of a revision's column: the first 7 hex digits of its commit. */
        static final Pattern REVISION_COLUMN = Pattern.compile("[0-9a-f]{7}");
        static final Map<String, Map<String, Integer>> TABLE = read();

        private static Map<String, Map<String, Integer>> read() {
            Map<String, Map<String, Integer>> table = new HashMap<>();
            try (InputStream in = ReleaseFacts.class.getResourceAsStream("release-lines.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("release-lines.tsv is missing");
                }
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
                String[] head = lines.get(0).split("\t");
                for (String l : lines.subList(1, lines.size())) {
                    String[] f = l.split("\t");
                    Map<String, Integer> row = new HashMap<>();
                    for (int i = 2; i < f.length && i < head.length; i++) {
                        boolean revision = REVISION_COLUMN.matcher(head[i]).matches();
                        if (revision && !f[i].isEmpty() && !f[i].equals("-")) {
                            row.put(head[i], Integer.parseInt(f[i]));
                        }
                    }
                    table.put(f[0], row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return table;
        }
    }

    /** The panic of adding a director to a cold VCL. */
    public Panic coldAddPanic() {
        return Panic.wrong("cache/cache_vrt_vcl.c", coldAddLine,
                "Dynamic Backends can only be added to warm VCLs");
    }
}
