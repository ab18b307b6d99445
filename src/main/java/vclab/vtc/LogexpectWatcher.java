package vclab.vtc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vclab.sched.SimQueue;
import vclab.vcl.VslLog;
import vclab.vcl.VslRecord;

/**
 * The simulated thread of a running logexpect: reads the records of its queue, groups them
 * into transactions, filters them and offers them to the expectations.
 */
final class LogexpectWatcher {
    private final VtcContext ctx;
    private final LogexpectCommand.Instance le;
    private final VslLog log;
    private final SimQueue<VslRecord> queue;
    private final Predicate<VslRecord> query;
    private final Logexpect matcher;
    private final Map<Long, List<VslRecord>> open = new LinkedHashMap<>();

    LogexpectWatcher(VtcContext ctx, LogexpectCommand.Instance le, VslLog log,
            SimQueue<VslRecord> queue, Predicate<VslRecord> query, List<LogexpectTest> tests) {
        this.ctx = ctx;
        this.le = le;
        this.log = log;
        this.queue = queue;
        this.query = query;
        this.matcher = new Logexpect(ctx, le.name, tests, le.mArg);
    }

    void watch() {
        try {
            run();
        } catch (VtcFatal e) {
            // logged by VtcContext.fail; the thread ends
        } finally {
            log.unsubscribe(queue);
        }
    }

    private void run() {
        ctx.log(4, le.name, "begin|");
        if (le.query != null) {
            ctx.log(4, le.name, "qry  | " + le.query);
        }
        matcher.begin();
        while (!matcher.isDone()) {
            ctx.scheduler().blockUntil(() -> queue.size() > 0 || le.cancelled
                    || ctx.isStopped() || ctx.isFailed(), "log records for " + le.name);
            if (le.cancelled || ctx.isStopped()) {
                return;
            }
            if (ctx.isFailed()) {
                break;
            }
            for (VslRecord r : deliverable(queue.take())) {
                Logexpect.Match m = matcher.offer(r);
                if (m == Logexpect.Match.FAIL) {
                    if (le.errArg) {
                        ctx.log(4, le.name, "done | failed as expected");
                        return;
                    }
                    throw ctx.fail(le.name, "bad  | expectation failed");
                }
                if (m == Logexpect.Match.OK) {
                    break;
                }
            }
        }
        if (!matcher.isDone()) {
            throw ctx.fail(le.name, "bad  | outstanding expectations");
        }
        ctx.log(4, le.name, "done |");
    }

    /**
     * Returns the records that this one makes deliverable: itself with raw grouping,
     * otherwise a whole transaction when its End record arrives. Non-transactional records
     * (vxid 0) and records of transactions whose Begin was not seen are dropped, as
     * varnishlog does.
     */
    private List<VslRecord> deliverable(VslRecord r) {
        List<VslRecord> out = new ArrayList<>();
        if (le.grouping.equals("raw")) {
            if (passes(r) && (query == null || query.test(r))) {
                out.add(r);
            }
            return out;
        }
        // TODO: request and session grouping deliver a transaction together with its
        // children; vclab delivers each transaction on its own End record, as vxid does.
        if (r.vxid() == 0) {
            return out;
        }
        List<VslRecord> tx = open.get(r.vxid());
        if (tx == null) {
            if (!r.tag().equals("Begin")) {
                return out;
            }
            tx = new ArrayList<>();
            open.put(r.vxid(), tx);
        }
        tx.add(r);
        if (!r.tag().equals("End")) {
            return out;
        }
        open.remove(r.vxid());
        if (query != null && tx.stream().noneMatch(query)) {
            return out;
        }
        for (VslRecord x : tx) {
            if (passes(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private boolean passes(VslRecord r) {
        if (r.tag().equals("Batch") || r.tag().equals("Witness")) {
            return false;
        }
        return le.filter.accepts(r);
    }
}
