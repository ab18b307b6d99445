package vclab.explore;

import java.lang.reflect.Constructor;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the baton hand-off between two Java threads, the way simulated threads pass it
 * (a volatile flag, park and unpark). It tries three kinds of carrier. These are platform
 * threads, virtual threads on the JDK's shared scheduler, and virtual threads that all run
 * on one platform thread. The last kind needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} on Java 21
 * or newer, because the JDK has no public API for a virtual-thread scheduler; it is a
 * proposal for the scheduler's carriers, not something vclab uses.
 */
public final class CarrierBenchmark {
    private static final class Baton {
        volatile int turn;
        volatile Thread[] threads = new Thread[2];
    }

    private CarrierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int handOffs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf(Locale.ROOT, "java %s, %d processors%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < 3; round++) {
            measure("platform threads", r -> new Thread(r), handOffs / 10);
            ThreadFactory virtual = virtualFactory();
            if (virtual != null) {
                measure("virtual threads, shared scheduler", virtual, handOffs);
            }
            ExecutorService single = Executors.newSingleThreadExecutor();
            ThreadFactory pinned = virtualFactoryOn(single);
            if (pinned != null) {
                measure("virtual threads, one carrier", pinned, handOffs);
            } else if (round == 0) {
                System.out.println("virtual threads, one carrier: unavailable (needs Java 21+"
                        + " and --add-opens java.base/java.lang=ALL-UNNAMED)");
            }
            single.shutdown();
        }
    }

    /** Passes the baton {@code handOffs} times between two threads from {@code factory}. */
    private static void measure(String what, ThreadFactory factory, int handOffs)
            throws InterruptedException {
        Baton b = new Baton();
        Thread[] t = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int me = i;
            t[i] = factory.newThread(() -> {
                for (int n = me; n < handOffs; n += 2) {
                    while (b.turn != me) {
                        LockSupport.park();
                    }
                    b.turn = 1 - me;
                    LockSupport.unpark(b.threads[1 - me]);
                }
            });
        }
        b.threads = t;
        long start = System.nanoTime();
        t[0].start();
        t[1].start();
        t[0].join();
        t[1].join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %.0f hand-offs/s%n", what, handOffs / seconds);
    }

    private static ThreadFactory virtualFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder")
                    .getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Returns a virtual-thread factory whose threads run on {@code executor} alone, or null. */
    private static ThreadFactory virtualFactoryOn(ExecutorService executor) {
        try {
            Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> k = c.getDeclaredConstructor(java.util.concurrent.Executor.class);
            k.setAccessible(true);
            Object builder = k.newInstance(executor);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder")
                    .getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
