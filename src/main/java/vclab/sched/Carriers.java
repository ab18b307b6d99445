package vclab.sched;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The Java threads that simulated threads run on. On Java 21 and newer they are virtual
 * threads, which hand the baton over far faster than platform threads; on Java 17 they are
 * pooled daemon platform threads, reused across simulations so that an exploration does not
 * create a thread per schedule.
 */
final class Carriers {
    private static final ThreadFactory VIRTUAL_FACTORY = virtualFactory();
    private static final ConcurrentLinkedQueue<Worker> POOL = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger CREATED = new AtomicInteger();

    private Carriers() {
    }

    /** Returns "virtual" or "platform": what simulated threads run on in this JVM. */
    static String kind() {
        return VIRTUAL_FACTORY != null ? "virtual" : "platform";
    }

    /** Number of carrier threads created so far in this JVM, for leak checks in tests. */
    static int created() {
        return CREATED.get();
    }

    /** Starts {@code t} on a carrier; it parks until the baton is handed to it. */
    static void start(SimThread t, Runnable run) {
        if (VIRTUAL_FACTORY != null) {
            Thread thread = VIRTUAL_FACTORY.newThread(run);
            t.carrier = thread;
            CREATED.incrementAndGet();
            thread.start();
            return;
        }
        Worker w = POOL.poll();
        if (w == null) {
            w = new Worker();
        }
        t.carrier = w.thread;
        w.assign(run);
    }

    private static ThreadFactory virtualFactory() {
        if (Boolean.getBoolean("vclab.platformThreads")) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
            Object builder = ofVirtual.invoke();
            MethodHandle factory = lookup.findVirtual(Class.forName("java.lang.Thread$Builder"),
                    "factory", MethodType.methodType(ThreadFactory.class));
            return (ThreadFactory) factory.invoke(builder);
        } catch (Throwable e) {
            return null;
        }
    }

    /** A pooled platform thread that runs one simulated thread after another. */
    private static final class Worker implements Runnable {
        final Thread thread;
        volatile Runnable task;

        Worker() {
            thread = new Thread(this, "vclab-carrier-" + CREATED.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        void assign(Runnable run) {
            task = run;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (true) {
                Runnable r;
                while ((r = task) == null) {
                    LockSupport.park(this);
                }
                task = null;
                try {
                    r.run();
                } catch (Throwable e) {
                    // The simulated thread's own wrapper reports errors; nothing may escape here.
                }
                POOL.add(this);
            }
        }
    }
}
