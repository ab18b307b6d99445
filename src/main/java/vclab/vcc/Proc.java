package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/**
 * A subroutine during compilation (struct proc in VCC): its calls, its uses of variables
 * and actions for the method checks, the returns it contains, and its body.
 */
final class Proc {
    /** A {@code call} of another subroutine. */
    record Call(Symbol sym, VclToken t) {
    }

    /** A use of a symbol that is legal only in some methods (struct procuse). */
    static final class Use {
        final VclToken t1;
        final VclToken t2;
        final Symbol sym;
        XrefUse use;
        final int mask;
        final Proc from;

        Use(VclToken t1, VclToken t2, Symbol sym, XrefUse use, int mask, Proc from) {
            this.t1 = t1;
            this.t2 = t2;
            this.sym = sym;
            this.use = use;
            this.mask = mask;
            this.from = from;
        }
    }

    /** Kinds of symbol use, with the text VCC prints when one is illegal. */
    enum XrefUse {
        READ("Not available"),
        WRITE("Cannot be set"),
        UNSET("Cannot be unset"),
        ACTION("Not a valid action");

        final String err;

        XrefUse(String err) {
            this.err = err;
        }
    }

    final Symbol sym;
    /** The VCL method this subroutine is, or null for a custom subroutine. */
    final VclLanguage.Method method;
    final List<Call> calls = new ArrayList<>();
    final List<Use> uses = new ArrayList<>();
    /** Each {@code sub} definition's body, in source order. */
    final List<VclStatement.Block> bodies = new ArrayList<>();
    /** The name token of the first definition. */
    VclToken name;
    int retBitmap;
    int called;
    boolean active;
    int okmask;
    int calledFrom;
    /** The first {@code return} of each action, by return number. */
    final VclToken[] returnTok;

    Proc(Symbol sym, VclLanguage.Method method, int allMethods, int nReturns) {
        this.sym = sym;
        this.method = method;
        this.okmask = allMethods;
        this.returnTok = new VclToken[nReturns + 1];
        sym.proc = this;
    }
}
