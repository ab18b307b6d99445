package vclab.vcc;

/** Model references to global objects: backends, probes, ACLs, subroutines. */
final class Handles {
    private Handles() {
    }

    static VclExpr ref(Symbol sym) {
        switch (sym.kind) {
            case BACKEND:
                return new VclExpr.BackendRef(sym.name);
            case PROBE:
                return new VclExpr.ProbeRef(sym.name);
            case ACL:
                return new VclExpr.AclRef(sym.name);
            case SUB:
                return new VclExpr.SubRef(sym.name);
            case INSTANCE:
                return new VclExpr.InstanceRef(sym.name, sym.type.name);
            default:
                throw new IllegalStateException("no handle for " + sym);
        }
    }
}
