package vclab.vcl;

import java.util.ArrayList;
import java.util.List;
import vclab.sched.SimCond;
import vclab.vrt.Director;

/**
 * The directors registered with one VCL (varnishd's "vdire" from 7.7, a plain list before).
 * Every field is protected by {@code vcl_mtx}; a model walks {@link #directors} without the
 * lock only during an iteration, which defers removals to {@link #resigning}.
 */
public final class DirectorRegistry {
    /** Registered directors in insertion order, new ones at the tail. */
    public final List<Director> directors = new ArrayList<>();
    /** Directors whose last reference went away while an iteration ran. */
    public final List<Director> resigning = new ArrayList<>();
    /** Number of running iterations. */
    public int iterating;
    /** Signalled when the last iteration ends. */
    public final SimCond cond;
    /**
     * During a temperature transition, the newest director that existed when it started, or
     * null if there was none: directors up to it are the base, later ones the delta.
     */
    public Director checkpoint;
    /** True while a transition holds a checkpoint (the checkpoint itself may be null). */
    public boolean inEvent;
    /**
     * pr4205 only: the directors that existed when a warm-up began, moved aside until its
     * walk is done ("colddirs"); empty otherwise.
     */
    public final List<Director> setAside = new ArrayList<>();

    public DirectorRegistry(SimCond cond) {
        this.cond = cond;
    }

    /** The last registered director, or null. */
    public Director last() {
        return directors.isEmpty() ? null : directors.get(directors.size() - 1);
    }

    /** The director after {@code d} in the list, or null. */
    public Director next(Director d) {
        int i = directors.indexOf(d);
        return i < 0 || i + 1 >= directors.size() ? null : directors.get(i + 1);
    }
}
