package vclab.vcl;

/**
 * A reference that keeps a VCL from going cold ({@code VRT_VCL_Prevent_Cold}) or from being
 * discarded ({@code VRT_VCL_Prevent_Discard}).
 *
 * @param vcl the VCL held
 * @param description the text {@code vcl.state} shows while the VCL is cooling
 * @param preventsCold true for a cold reference, which also counts in {@code busy}
 */
public record VclRef(Vcl vcl, String description, boolean preventsCold) {
}
