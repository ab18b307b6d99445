package vclab.vrt;

/**
 * The VRT calls VMODs and backends make on directors and VCL references. The simulated child
 * implements it; the historical models decide how each call behaves.
 */
public interface Vrt {
    /** The simulated process's facts and services. */
    VrtHost host();

    /**
     * VRT_AddDirector: registers a director with the context's VCL.
     *
     * @return the director, or null when the VCL is cooling
     */
    Director addDirector(VrtCtx ctx, DirectorMethods methods, Object priv, String name);

    /** VRT_StaticDirector: the director lives until its VCL is discarded. */
    void staticDirector(Director d);

    /** VRT_DelDirector: calls {@code release} and drops the creator's reference. */
    void delDirector(Director d);

    /** VRT_DisableDirector: admin health "deleted". */
    void disableDirector(Director d);

    /** VRT_Assign_Backend: stores {@code src} in {@code dst}, adjusting references. */
    void assignBackend(DirectorSlot dst, Director src);

    /**
     * VRT_new_backend: creates a native backend and registers its director.
     *
     * @return the director, or null when the VCL is cooling
     */
    Director newBackend(VrtCtx ctx, String name, String host, String port, String path,
            ProbeSpec probe);

    /** VRT_delete_backend: disables the director and drops the caller's reference. */
    void deleteBackend(VrtCtx ctx, DirectorSlot slot);

    /** VRT_LookupDirector, from vcl_init/vcl_fini on the CLI thread. */
    Director lookupDirector(VrtCtx ctx, String name);

    /** VRT_VCL_Prevent_Discard from the CLI thread of a warm VCL; returns the reference. */
    Object preventDiscard(VrtCtx ctx, String description);

    /** VRT_VCL_Allow_Discard, from any thread. */
    void allowDiscard(Object reference);

    /** VRT_VCL_Prevent_Cold from a task that holds the VCL; returns the reference. */
    Object preventCold(VrtCtx ctx, String description);

    /** VRT_VCL_Allow_Cold, from any thread. */
    void allowCold(Object reference);

    /** VRT_Healthy. */
    boolean healthy(Director d);
}
