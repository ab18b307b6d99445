package vclab.vrt;

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
 * @param assignLine line in cache_vrt_vcl.c of the magic check in VRT_Assign_Backend
 * @param assignCondition the condition text of that check
 * @param bigQuitLine line in cache_main.c of "It's time for the big quit", or 0 when the
 *     release has no handler and the child is killed without a panic text
 * @param noProbeHappy the VBE happy counter of a backend without a probe: 0 before 8.0,
 *     all ones from 8.0
 */
public record ReleaseFacts(String version, String revision, String vrtApi, boolean probeStates,
        int vbpEnableLine, int vbpDisableLine, int vbpRemoveLine, int vbpTaskLine,
        int coldAddLine, int vcldirFreeLine, int assignLine, String assignCondition,
        int bigQuitLine, long noProbeHappy) {

    /** The panic of adding a director to a cold VCL. */
    public Panic coldAddPanic() {
        return Panic.wrong("cache/cache_vrt_vcl.c", coldAddLine,
                "Dynamic Backends can only be added to warm VCLs");
    }
}
