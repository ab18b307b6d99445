package vclab.vrt;

/**
 * The context of a VRT call (varnishd's {@code VRT_CTX}): which VCL, which method, and where a
 * failure message goes.
 */
public final class VrtCtx {
    /** The VCL object (a {@code vclab.vcl.Vcl}). */
    public final Object vcl;
    /** The VCL's name. */
    public final String vclName;
    /** "vcl_init", "vcl_fini", a client or backend method, or null for WARM and COLD. */
    public final String method;
    /** Collects failure messages during LOAD and WARM; null when failures are logged. */
    public final StringBuilder msg;
    /** True on the child's CLI thread. */
    public final boolean cliThread;
    /** Set by {@link #fail(String)}: the VCL code's handling became "fail". */
    public boolean failed;

    public VrtCtx(Object vcl, String vclName, String method, StringBuilder msg, boolean cliThread) {
        this.vcl = vcl;
        this.vclName = vclName;
        this.method = method;
        this.msg = msg;
        this.cliThread = cliThread;
    }

    /**
     * VRT_fail: the first message is kept for the operator; the handling becomes "fail".
     * Messages end with a newline, as VRT_fail writes them.
     */
    public void fail(String message) {
        if (msg != null && !failed) {
            msg.append(message).append('\n');
        }
        failed = true;
    }
}
