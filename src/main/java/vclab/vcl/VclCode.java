package vclab.vcl;

import java.util.List;

/**
 * A compiled VCL as the manager keeps it: the stand-in for the shared object VCC produces.
 * The child opens it once per load into a {@link VclConf} that holds that load's state.
 */
public interface VclCode {
    /** Source files, the main one first and the builtin VCL last. */
    List<VclSource> sources();

    /** Labels the VCL uses with {@code return (vcl(label))}, in first-use order. */
    List<String> labelsUsed();

    /** VCL syntax version times ten: 40 or 41. */
    int syntax();

    /** Creates the per-load state of this program, in {@code child}, for {@code vclName}. */
    VclConf open(Child child, String vclName);
}
