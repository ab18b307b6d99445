package vclab.explore;

import java.util.ArrayDeque;

/**
 * Hands subtrees of a depth-first search between workers. A worker whose subtree is done
 * waits here; a busy worker splits off part of its own subtree when {@link #hungry()} is true.
 * The search is over when every worker waits and nothing is queued.
 */
final class WorkQueue {
    private final ArrayDeque<WorkItem> items = new ArrayDeque<>();
    private final int workers;
    private int waiting;
    private boolean closed;
    private volatile boolean hungry;

    WorkQueue(int workers) {
        this.workers = workers;
    }

    synchronized void give(WorkItem item) {
        items.add(item);
        hungry = false;
        notifyAll();
    }

    /** Returns the next subtree, or null when the search is over or closed. */
    synchronized WorkItem take() {
        waiting++;
        try {
            while (items.isEmpty() && !closed) {
                if (waiting == workers) {
                    closed = true;
                    notifyAll();
                    break;
                }
                hungry = true;
                wait();
            }
            if (closed) {
                return null;
            }
            WorkItem item = items.poll();
            hungry = items.isEmpty() && waiting > 1;
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            notifyAll();
            return null;
        } finally {
            waiting--;
        }
    }

    /** True while a worker waits for work and none is queued. */
    boolean hungry() {
        return hungry;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
