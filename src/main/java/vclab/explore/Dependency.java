package vclab.explore;

import vclab.sched.OpKind;
import vclab.sched.Point;
import vclab.sched.SimCond;
import vclab.sched.SimMutex;
import vclab.sched.SimQueue;
import vclab.sched.SimThread;

/**
 * The dependency relation over announced steps that the sleep sets use. A step here is an
 * announced operation together with the code its thread runs until its next announcement.
 *
 * <p>Two steps of different threads are dependent when they operate on the same mutex,
 * condition variable or queue, or when both are injection points of the same VCL. Every other
 * step is dependent on everything: starting a thread, sleeping, joining, external work, a
 * wait for a condition evaluated over simulated state, and injection points without a VCL.
 * Objects are compared by name, so two objects that share a name count as one.
 *
 * <p>NOTE: this is an approximation. It assumes that the data a thread touches between two
 * announcements is guarded by a mutex whose lock and unlock are steps, or sits right before
 * an injection point of its VCL. The model places its points at its unguarded reads and
 * writes for that reason. Code that shares data any other way can hide an interleaving from
 * the reduction, so a search with {@link ExploreOptions#partialOrderReduction} off is the
 * reference.
 */
final class Dependency {
    /** Dependent on every step. */
    static final int GLOBAL = 0;
    /** An operation on a scheduler object, keyed by the object's name. */
    static final int OBJECT = 1;
    /** An injection point, keyed by its VCL. */
    static final int VCL = 2;

    private Dependency() {
    }

    /** Returns the category of a step announced with {@code kind}, {@code object} and vcl. */
    static int category(OpKind kind, Object object, String vcl) {
        switch (kind) {
            case LOCK:
            case TRYLOCK:
            case UNLOCK:
            case SIGNAL:
            case PUT:
            case TAKE:
                return OBJECT;
            case WAIT:
                return object instanceof SimCond ? OBJECT : GLOBAL;
            case POINT:
                return vcl != null ? VCL : GLOBAL;
            default:
                return GLOBAL;
        }
    }

    /** Returns the key that decides dependency within a category. */
    static String key(int category, Object object, String vcl) {
        if (category == VCL) {
            return vcl;
        }
        return category == OBJECT ? objectName(object) : null;
    }

    static boolean dependent(int categoryA, String keyA, int categoryB, String keyB) {
        if (categoryA == GLOBAL || categoryB == GLOBAL) {
            return true;
        }
        return categoryA == categoryB && keyA.equals(keyB);
    }

    /** Returns the name of an announced step's object, without allocating for scheduler objects. */
    static String objectName(Object object) {
        if (object == null) {
            return "-";
        }
        if (object instanceof SimMutex m) {
            return m.name();
        }
        if (object instanceof SimCond c) {
            return c.name();
        }
        if (object instanceof SimQueue<?> q) {
            return q.name();
        }
        if (object instanceof Point p) {
            return p.name();
        }
        if (object instanceof SimThread t) {
            return t.name();
        }
        return object.toString();
    }
}
