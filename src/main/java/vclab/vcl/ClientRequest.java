package vclab.vcl;

import java.util.Locale;
import vclab.sched.SimThread;
import vclab.vrt.Director;
import vclab.vrt.VrtCtx;

/**
 * A simulated client request: the VCL methods of a cache miss, run on worker threads with the
 * references varnishd's tasks take. The client task takes a busy reference on the active VCL
 * (through its label), runs vcl_recv (following {@code return (vcl(label))} once), vcl_hash
 * and vcl_miss or vcl_pass; a backend task on a second thread takes its own reference and runs
 * vcl_backend_fetch with {@code bereq.backend} taken from {@code req.backend_hint}. No HTTP is
 * sent: the fetch resolves the director and ends in vcl_backend_error, as a fetch from an
 * unreachable backend does. Each task drops its backend references and then its VCL reference.
 */
public final class ClientRequest {
    /**
     * The request to run.
     *
     * @param url the request URL
     * @param holdNanos how long the client task keeps its VCL reference after delivery
     */
    public record Options(String url, long holdNanos) {
    }

    private final Child child;
    private final Options options;
    private final long xid;
    private final StringBuilder out = new StringBuilder();

    private ClientRequest(Child child, Options options, long xid) {
        this.child = child;
        this.options = options;
        this.xid = xid;
    }

    /** Starts a request on a new worker thread named after its transaction id. */
    public static Started start(Child child, Options options, long xid) {
        ClientRequest r = new ClientRequest(child, options, xid);
        SimThread t = child.spawnThread("req " + xid, r::runClient);
        return new Started(t, r);
    }

    /** A started request: its thread, and the report it writes as it goes. */
    public record Started(SimThread thread, ClientRequest request) {
        /** Returns the steps run so far, one per line. */
        public String report() {
            return request.out.toString();
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void runClient() {
        Vcl vcl = child.vclGetActive();
        line("vcl " + vcl.name);
        child.trace("task", vcl.name, "req " + xid, "VCL_Ref", "busy " + vcl.busy);
        VclTask req = vcl.program.task(ctx(vcl, "vcl_recv"));
        prepare(req, vcl);

        String action = method(vcl, req, "vcl_recv");
        Vcl vcl0 = null;
        if ("vcl".equals(action)) {
            // VPI_vcl_select: the top request keeps its first VCL as vcl0 and takes a new
            // reference through the label; vcl_recv runs again there, once.
            Vcl label = child.find(req.vclLabel());
            if (label == null) {
                throw new IllegalStateException("return (vcl(" + req.vclLabel()
                        + ")) names no loaded label");
            }
            req.release();
            vcl0 = vcl;
            vcl = child.vclUpdate(null, label);
            child.trace("task", vcl.name, "req " + xid, "vcl select", "via " + label.name);
            line("vcl " + vcl.name + " via " + label.name);
            req = vcl.program.task(ctx(vcl, "vcl_recv"));
            prepare(req, vcl);
            action = method(vcl, req, "vcl_recv");
            if ("vcl".equals(action)) {
                action = "fail";
            }
        }

        action = action == null ? "hash" : action;
        switch (action) {
            case "synth", "fail" -> method(vcl, req, "vcl_synth");
            case "pass" -> {
                method(vcl, req, "vcl_hash");
                fetchVia(vcl, req, "vcl_pass");
            }
            case "pipe" -> {
                method(vcl, req, "vcl_hash");
                method(vcl, req, "vcl_pipe");
                line("pipe: " + describe(req.backend("req.backend_hint")));
            }
            case "purge" -> {
                method(vcl, req, "vcl_hash");
                method(vcl, req, "vcl_purge");
                method(vcl, req, "vcl_synth");
            }
            default -> {
                method(vcl, req, "vcl_hash");
                fetchVia(vcl, req, "vcl_miss");
            }
        }

        req.release();
        if (options.holdNanos > 0) {
            child.scheduler().sleep(options.holdNanos);
        }
        child.vclRel(vcl);
        child.trace("task", vcl.name, "req " + xid, "VCL_Rel", "busy " + vcl.busy);
        if (vcl0 != null) {
            child.vclRel(vcl0);
            child.trace("task", vcl0.name, "req " + xid, "VCL_Rel", "busy " + vcl0.busy);
        }
        line("done");
    }

    private void prepare(VclTask req, Vcl vcl) {
        req.set("req.method", "GET");
        req.set("req.url", options.url);
        req.set("req.proto", "HTTP/1.1");
        req.set("req.http.host", "localhost");
        req.set("req.esi_level", 0L);
        req.set("req.restarts", 0L);
        req.set("req.xid", Long.toString(xid));
        req.assignBackend("req.backend_hint", vcl.program.defaultDirector());
    }

    /** vcl_miss or vcl_pass, then the fetch unless the method returned synth or fail. */
    private void fetchVia(Vcl vcl, VclTask req, String method) {
        String action = method(vcl, req, method);
        if (action != null && !action.equals("fetch")) {
            method(vcl, req, "vcl_synth");
            return;
        }
        Director hint = req.backend("req.backend_hint");
        SimThread bo = child.spawnThread("bo " + (xid + 1), () -> runBackend(vcl, req, hint));
        child.scheduler().join(bo);
        method(vcl, req, "vcl_deliver");
    }

    /** The backend task: its own VCL reference, bereq copied from req, vcl_backend_fetch. */
    private void runBackend(Vcl vcl, VclTask req, Director hint) {
        child.vclRef(vcl);
        VclTask bereq = vcl.program.task(ctx(vcl, "vcl_backend_fetch"));
        bereq.set("bereq.method", req.get("req.method"));
        bereq.set("bereq.url", req.get("req.url"));
        bereq.set("bereq.proto", req.get("req.proto"));
        bereq.set("bereq.http.host", req.get("req.http.host"));
        bereq.set("bereq.xid", Long.toString(xid + 1));
        bereq.set("bereq.retries", 0L);
        bereq.assignBackend("bereq.backend", hint);
        String action = method(vcl, bereq, "vcl_backend_fetch");
        if (action == null || action.equals("fetch")) {
            Director d = bereq.backend("bereq.backend");
            line("fetch: " + describe(d) + ", not sent (vclab models no HTTP)");
        }
        bereq.set("beresp.status", 503L);
        bereq.set("beresp.reason", "Backend fetch failed");
        method(vcl, bereq, "vcl_backend_error");
        bereq.release();
        child.vclRel(vcl);
    }

    private String method(Vcl vcl, VclTask task, String name) {
        VrtCtx ctx = ctx(vcl, name);
        child.point(Points.TASK_METHOD, vcl.name, name);
        String action = task.run(name, ctx);
        line(name + ": " + (action == null ? "(builtin)" : action)
                + (ctx.failed ? " (failed)" : ""));
        return ctx.failed ? "fail" : action;
    }

    private VrtCtx ctx(Vcl vcl, String method) {
        return new VrtCtx(vcl, vcl.name, method, null, false);
    }

    private String describe(Director d) {
        if (d == null) {
            return "no backend";
        }
        boolean healthy = child.vrt().healthy(d);
        return d.cliName() + " (" + (healthy ? "healthy" : "sick") + ")";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "request %d for %s", xid, options.url);
    }
}
