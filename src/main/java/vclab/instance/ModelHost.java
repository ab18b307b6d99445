package vclab.instance;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;

/**
 * A simulated varnishd running in the background for front ends that live outside the
 * simulation: {@code vclab serve} and the embedded {@code vclab adm}. The simulation runs on
 * its own thread; real threads reach the instance through {@link Instance#execute}.
 */
public final class ModelHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ModelHost.class.getName());

    private final Scheduler scheduler;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile Instance instance;
    private volatile String startupError;
    private volatile boolean stopping;
    private volatile SimResult result;

    private ModelHost(InstanceOptions options, boolean realtime) {
        Scheduler.Options o = new Scheduler.Options();
        o.realtime = realtime;
        this.scheduler = new Scheduler(o);
        this.thread = new Thread(() -> {
            result = scheduler.run("main", () -> body(options));
            ready.countDown();
        }, "vclab-model");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the simulation and the instance, and waits until it accepts commands.
     *
     * @param realtime map virtual time onto the wall clock, so that timers such as
     *     vcl_cooldown fire while a user watches
     * @throws InstanceException when varnishd's command line is rejected
     */
    public static ModelHost start(InstanceOptions options, boolean realtime)
            throws InstanceException, InterruptedException {
        ModelHost host = new ModelHost(options, realtime);
        host.thread.start();
        host.ready.await();
        if (host.startupError != null) {
            throw new InstanceException(host.startupError, 2);
        }
        if (host.instance == null) {
            throw new InstanceException("Error: the simulation ended while starting: "
                    + (host.result == null ? "unknown" : host.result.outcome()), 2);
        }
        return host;
    }

    private void body(InstanceOptions options) {
        scheduler.openExternalSource();
        try {
            instance = Instance.launch(scheduler, options);
        } catch (InstanceException e) {
            startupError = e.getMessage();
            ready.countDown();
            return;
        }
        ready.countDown();
        scheduler.blockUntil(() -> stopping, "the end of the session");
        instance.closeEndpoints();
    }

    public Instance instance() {
        return instance;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Ends the simulation and waits for its thread. */
    @Override
    public void close() {
        scheduler.submitExternal(() -> stopping = true);
        scheduler.closeExternalSource();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "the simulation did not end within 10 s");
        }
    }
}
