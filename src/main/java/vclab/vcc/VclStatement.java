package vclab.vcc;

import java.util.List;

/** A statement of a compiled VCL subroutine, with the position of its first token. */
public sealed interface VclStatement {
    SourcePos pos();

    /** The assignment operators of {@code set}. */
    enum AssignOp {
        ASSIGN("="), ADD("+="), SUB("-="), MUL("*="), DIV("/=");

        private final String symbol;

        AssignOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** A { ... } block; also the body of each {@code sub} definition. */
    record Block(List<VclStatement> body, SourcePos pos) implements VclStatement {
        public Block {
            body = List.copyOf(body);
        }
    }

    /**
     * {@code set target op value;}. The value has the type the operator needs: the
     * variable's type, REAL for '*=' and '/=' on DURATION and TIME, DURATION for '+=' and
     * '-=' on TIME, STRANDS for strings and headers.
     */
    record Set(VclExpr.Variable target, AssignOp op, VclExpr value, SourcePos pos)
            implements VclStatement {
    }

    record Unset(VclExpr.Variable target, SourcePos pos) implements VclStatement {
    }

    /** {@code call x;}: target is a {@link VclExpr.SubRef} or a SUB-valued expression. */
    record Call(VclExpr target, SourcePos pos) implements VclStatement {
    }

    /**
     * {@code return (action[(args)]);}, or a bare {@code return;} in a custom subroutine
     * (action null). The args are typed: synth and error take INT and an optional STRING,
     * fail an optional STRING, pass an optional DURATION, vcl a {@link VclExpr} naming the
     * label.
     */
    record Return(String action, List<VclExpr> args, SourcePos pos) implements VclStatement {
        public Return {
            args = List.copyOf(args);
        }
    }

    record If(VclExpr condition, Block then, List<ElseIf> elseIfs, Block otherwise,
            SourcePos pos) implements VclStatement {
        public If {
            elseIfs = List.copyOf(elseIfs);
        }
    }

    /** An {@code elseif}, {@code elsif}, {@code elif} or {@code else if} branch. */
    record ElseIf(VclExpr condition, Block body, SourcePos pos) {
    }

    /** {@code new name = vmod.class(args);}, only in vcl_init. */
    record New(String name, String vmod, String objectClass, VclExpr.VmodCall constructor,
            SourcePos pos) implements VclStatement {
    }

    /** A VMOD function or object method called for its effect. */
    record Expression(VclExpr call, SourcePos pos) implements VclStatement {
    }

    record Synthetic(VclExpr body, SourcePos pos) implements VclStatement {
    }

    record Ban(VclExpr expression, SourcePos pos) implements VclStatement {
    }

    record HashData(VclExpr value, SourcePos pos) implements VclStatement {
    }

    /** C code, only accepted when vcc_allow_inline_c is on; vclab cannot run it. */
    record InlineC(String code, SourcePos pos) implements VclStatement {
    }
}
