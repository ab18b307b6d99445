package vclab.vcc;

import java.util.List;

/**
 * What the manager passes to VCC besides the source: the vcc_* parameters, the stevedores
 * (each becomes a {@code storage.NAME} symbol) and the existing labels (the names
 * {@code return (vcl(NAME))} may use).
 *
 * @param errUnref vcc_err_unref: an unused backend, probe, ACL or subroutine is an error
 *     (on by default); when off it is a warning
 * @param allowInlineC vcc_allow_inline_c: accept C{ }C blocks (off by default)
 * @param unsafePath vcc_unsafe_path: allow '/' in include and import paths (on by default)
 */
public record VccSettings(boolean errUnref, boolean allowInlineC, boolean unsafePath,
        List<String> stevedores, List<String> labels) {

    /** varnishd's defaults, with the stevedores of a default -s: s0 and Transient. */
    public static final VccSettings DEFAULT =
            new VccSettings(true, false, true, List.of("s0", "Transient"), List.of());

    public VccSettings {
        stevedores = List.copyOf(stevedores);
        labels = List.copyOf(labels);
    }

    /** These settings with the given existing labels. */
    public VccSettings withLabels(List<String> newLabels) {
        return new VccSettings(errUnref, allowInlineC, unsafePath, stevedores, newLabels);
    }
}
