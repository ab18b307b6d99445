package vclab.vcl;

import java.util.List;
import vclab.vrt.Director;
import vclab.vrt.ProbeSpec;
import vclab.vrt.Vrt;
import vclab.vrt.VrtCtx;
import vclab.vrt.VclEvent;

/**
 * One loaded instance of a compiled VCL (varnishd's {@code vcl->conf} with its generated
 * event function): it runs the init steps on LOAD, sends WARM and COLD to its VMODs, and
 * undoes the completed steps on DISCARD.
 */
public interface VclConf {
    /**
     * The generated event function. LOAD runs the init steps in order and then
     * {@code vcl_init}; WARM goes to VMODs in import order and stops at the first failure;
     * COLD goes, in reverse order, to the VMODs whose WARM succeeded; DISCARD runs
     * {@code vcl_fini}, object destructors, deletes the static backends, releases labels and
     * sends DISCARD to the VMODs that got LOAD.
     *
     * @return 0 on success; non-zero with a message in {@code ctx.msg} on failure
     */
    int event(VrtCtx ctx, VclEvent event, Vrt vrt);

    List<VclSource> sources();

    /** The VCL's default backend, once LOAD created it; may be null. */
    Director defaultDirector();

    /** The VCL's {@code probe default}, or null. */
    ProbeSpec defaultProbe();

    /** Names of the VMODs this VCL imports, in import order (for panics and debug.vmod). */
    List<String> vmodNames();

    /** A new client or backend task of this VCL, for simulated requests. */
    VclTask task(VrtCtx ctx);
}
