package vclab.vcc;

import java.util.List;

/**
 * A subroutine: a built-in method such as vcl_recv, or a custom one. A method defined in
 * the VCL and in the builtin VCL has one body block per definition, the VCL's first, run
 * in sequence until one returns.
 *
 * @param method whether this is one of VCL's methods (vcl_recv, vcl_init...)
 * @param bodies one block per {@code sub} definition, in source order
 */
public record VclSub(String name, boolean method, List<VclStatement.Block> bodies) {
    public VclSub {
        bodies = List.copyOf(bodies);
    }
}
