package vclab.repl;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliSession;
import vclab.cli.CliStatus;
import vclab.instance.Instance;
import vclab.vcl.Reply;

/**
 * A pre-authenticated session with a simulated varnishd in this process, as {@code varnishd -d}
 * offers one on its terminal. varnishd's commands go to the manager thread in order, as
 * {@link Instance#execute} sends them, but without blocking the caller.
 *
 * <p>vclab's own {@code debug.*} commands ({@link #SIMULATION_COMMANDS}) do not queue behind
 * the manager: the simulation runs them between two scheduling steps, as soon as they are
 * sent. They act on the scheduler, the injections, the resolver and the trace, not on
 * varnishd's state, so they stay usable while the manager is held, for example by a
 * {@code pause} injection that only {@code debug.release} ends. Their replies can therefore
 * overtake the reply of an earlier command.
 */
public final class EmbeddedChannel implements CliChannel {
    /**
     * vclab's own commands that act on the simulation alone, all of which {@code debug.vclab}
     * lists. {@code debug.req} is left out: it runs a request in the child, so it waits for
     * the manager like varnishd's commands.
     */
    public static final Set<String> SIMULATION_COMMANDS = vclab.instance.Instance
            .SIMULATION_COMMANDS;

    private final Instance instance;
    private final CliSession session;
    private final ReplyQueue queue = new ReplyQueue();
    /** Completes the futures off the simulation's threads, in the order replies arrive. */
    private final ExecutorService delivery;

    public EmbeddedChannel(Instance instance) {
        this.instance = instance;
        this.session = new CliSession("adm", true);
        this.delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vclab-repl-replies");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Returns whether a request is one of vclab's commands that skip the manager's queue. */
    public static boolean isSimulationCommand(CliRequest request) {
        return request.syntaxError() == null && !request.argv().isEmpty()
                && SIMULATION_COMMANDS.contains(request.argv().get(0));
    }

    @Override
    public CompletableFuture<CliReply> send(CliRequest request) {
        CompletableFuture<CliReply> future = queue.expect();
        if (future == null) {
            return CompletableFuture.failedFuture(ReplyQueue.lostReply(queue.failure()));
        }
        if (isSimulationCommand(request)) {
            // Runs with the baton held, between two steps of whatever thread is running.
            instance.scheduler().submitExternal(() -> deliver(future,
                    instance.managerDispatcher().dispatch(session, request)));
            return future;
        }
        CliReply[] box = new CliReply[1];
        instance.varnishd().submit(manager -> {
            box[0] = instance.managerDispatcher().dispatch(session, request);
            return Reply.ok();
        }).thenRun(() -> deliver(future, box[0]));
        return future;
    }

    @Override
    public boolean answersAtOnce(CliRequest request) {
        return isSimulationCommand(request);
    }

    private void deliver(CompletableFuture<CliReply> future, CliReply reply) {
        try {
            delivery.execute(() -> {
                queue.settle(future, reply);
                if (reply.status() == CliStatus.CLOSE) {
                    // A 500 ends the session, as a server closes the connection after one.
                    queue.close(null);
                }
            });
        } catch (RejectedExecutionException e) {
            // The session was closed meanwhile; close() already completed the future.
        }
    }

    @Override
    public int outstanding() {
        return queue.size();
    }

    @Override
    public boolean isClosed() {
        return queue.isClosed();
    }

    @Override
    public boolean isBroken() {
        return false;
    }

    @Override
    public String failure() {
        return null;
    }

    @Override
    public void onClose(Runnable action) {
        queue.onClose(action);
    }

    /** Ends the session; the model keeps running, and its owner closes it. */
    @Override
    public void close() {
        queue.close(null);
        delivery.shutdown();
    }
}
