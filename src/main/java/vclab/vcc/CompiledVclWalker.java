package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/** Helpers that walk the statement trees of a {@link CompiledVcl}. */
final class CompiledVclWalker {
    private CompiledVclWalker() {
    }

    /** The {@code new} statements of a subroutine, depth first in source order. */
    static List<VclStatement.New> news(VclSub sub) {
        List<VclStatement.New> out = new ArrayList<>();
        for (VclStatement.Block b : sub.bodies()) {
            collect(b, out);
        }
        return out;
    }

    private static void collect(VclStatement s, List<VclStatement.New> out) {
        if (s instanceof VclStatement.New n) {
            out.add(n);
        } else if (s instanceof VclStatement.Block b) {
            for (VclStatement c : b.body()) {
                collect(c, out);
            }
        } else if (s instanceof VclStatement.If i) {
            collect(i.then(), out);
            for (VclStatement.ElseIf e : i.elseIfs()) {
                collect(e.body(), out);
            }
            if (i.otherwise() != null) {
                collect(i.otherwise(), out);
            }
        }
    }
}
