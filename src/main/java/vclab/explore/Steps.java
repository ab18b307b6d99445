package vclab.explore;

import vclab.sched.OpKind;

/** Short descriptions of announced steps for schedules and stories. */
final class Steps {
    private Steps() {
    }

    /** Describes a step as "POINT vcl_send_event.inside vcl2 WARM" or "LOCK vcl_mtx". */
    static String describe(OpKind kind, Object object, String vcl, String detail) {
        StringBuilder sb = new StringBuilder(kind.name());
        if (object != null) {
            sb.append(' ').append(Dependency.objectName(object));
        }
        if (vcl != null) {
            sb.append(' ').append(vcl);
        }
        if (detail != null) {
            sb.append(' ').append(detail);
        }
        return sb.toString();
    }
}
