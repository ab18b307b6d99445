package vclab.vrt;

import vclab.sched.Point;
import vclab.sched.Scheduler;
import vclab.sched.SimCond;
import vclab.sched.SimMutex;

/**
 * What backends and probes need from the simulated child process that owns them.
 */
public interface VrtHost {
    Scheduler scheduler();

    /** The release whose texts and probe behaviour apply. */
    ReleaseFacts release();

    /** {@code vbp_mtx}: protects every probe's state. */
    SimMutex vbpMutex();

    /** Signalled when a probe is enabled or disabled, so that its poke loop looks again. */
    SimCond vbpCond();

    /** Decides what pokes get. */
    PokeOutcome.Oracle pokeOracle();

    /** Writes a shared-memory log record with vxid 0. */
    void log(String tag, String payload);

    /** Adds to a counter of the MAIN group, such as {@code n_backend}. */
    void countMain(String name, long delta);

    /** Wall-clock time the current virtual time stands for, in seconds since the epoch. */
    double epochSeconds();

    /** Starts a thread of the child process. */
    vclab.sched.SimThread spawn(String name, Runnable body);

    /** A named injection point of the child. */
    default void point(Point p, String vcl, String detail) {
        scheduler().point(p, vcl, detail);
    }
}
