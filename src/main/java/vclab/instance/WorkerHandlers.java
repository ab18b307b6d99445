package vclab.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vclab.cli.CFormat;
import vclab.cli.CliCall;
import vclab.cli.CliDispatcher;
import vclab.cli.CliOutput;
import vclab.cli.CliStatus;
import vclab.cli.VteTable;
import vclab.vcl.Child;
import vclab.vcl.ClientRequest;
import vclab.vcl.Reply;
import vclab.vcl.Vcl;
import vclab.vcl.VclSource;
import vclab.vrt.AdminHealth;
import vclab.vrt.Director;
import vclab.vrt.TextSink;

/** The child's own commands: the vcl.* forms the manager sends, listings, debug helpers. */
final class WorkerHandlers {
    private final Instance inst;
    private final Child child;
    private long xid = 1000;
    private long xidChunk = 1;
    private final List<String> bans = new ArrayList<>();

    WorkerHandlers(Instance inst, Child child) {
        this.inst = inst;
        this.child = child;
    }

    void register(CliDispatcher d) {
        d.register("vcl.load", c -> MgtHandlers.reply(c, child.cli().vclLoad(c.args().get(0),
                c.args().get(1), c.args().size() > 2 ? c.args().get(2) : "1auto")));
        d.register("vcl.state", c -> MgtHandlers.reply(c, child.cli().vclState(c.args().get(0),
                c.args().get(1))));
        d.register("vcl.use", c -> MgtHandlers.reply(c, child.cli().vclUse(c.args().get(0))));
        d.register("vcl.discard", c -> MgtHandlers.reply(c,
                child.cli().vclDiscard(c.args().get(0))));
        d.register("vcl.label", c -> MgtHandlers.reply(c, child.cli().vclLabel(c.args().get(0),
                c.args().get(1))));
        d.register("vcl.list", this::vclList);
        d.register("vcl.show", this::vclShow);
        d.register("backend.list", this::backendList);
        d.register("backend.set_health", c -> MgtHandlers.reply(c,
                child.cli().setHealth(c.args().get(0), c.args().get(1))));
        d.register("start", c -> MgtHandlers.reply(c, child.cli().start()));
        d.register("debug.listen_address", c -> c.out().print(
                "a0 " + inst.listenAddress() + "\n"));
        d.register("debug.xid", this::debugXid);
        d.register("debug.srandom", c -> { });
        d.register("debug.vmod", this::debugVmod);
        d.register("ban.list", this::banList);
        d.register("ban", this::ban);
        d.register("debug.panic.worker", this::panicWorker);
        d.table().register(VclabCommands.REQ);
        d.register("debug.req", this::debugReq);
    }

    /**
     * debug.req: a simulated client request through the active VCL on a worker thread. It
     * waits for the request unless {@code async} is given; {@code hold=} keeps the request's
     * VCL reference for that long after delivery.
     */
    private void debugReq(CliCall c) {
        String url = "/";
        long hold = 0;
        boolean async = false;
        for (String a : c.args()) {
            if (a.equals("async")) {
                async = true;
            } else if (a.startsWith("hold=")) {
                try {
                    hold = VclabCommands.parseDuration(a.substring(5));
                } catch (IllegalArgumentException e) {
                    c.out().setStatus(CliStatus.PARAM);
                    c.out().print("Bad duration '" + a.substring(5) + "': " + e.getMessage());
                    return;
                }
            } else if (a.startsWith("/")) {
                url = a;
            } else {
                c.out().setStatus(CliStatus.PARAM);
                c.out().print("Unknown argument '" + a + "'; expected a URL, hold= or async");
                return;
            }
        }
        if (child.active == null) {
            c.out().setStatus(CliStatus.CANT);
            c.out().print("No active VCL");
            return;
        }
        long id = xid;
        xid += 2;
        ClientRequest.Started r = ClientRequest.start(child,
                new ClientRequest.Options(url, hold), id);
        if (async) {
            c.out().print("Request " + id + " started on thread " + r.thread().name());
            return;
        }
        child.scheduler().join(r.thread());
        c.out().print(r.report());
    }

    /** debug.panic.worker: the child fails an assertion on purpose. */
    private void panicWorker(CliCall c) {
        int line = child.release().line("ccf_panic.forced");
        // The manager quotes the child's panic text, so this prints as
        // strcmp(\"\", \"You asked for it\"), as varnishd's does.
        throw vclab.vrt.Panic.assertion("ccf_panic", "cache/cache_panic.c", line,
                "(strcmp(\"\", \"You asked for it\")) == 0");
    }

    // ---------------------------------------------------------------- vcl.list and vcl.show

    private void vclList(CliCall c) {
        boolean trunk = c.dialect() != vclab.cli.Dialect.V7_1;
        if (!c.json()) {
            VteTable.print(c.out(), c.dialect(), child.cli().listRows(trunk), 7);
            return;
        }
        CliOutput out = c.out();
        c.jsonBegin(2);
        out.print(",\n");
        List<Vcl> vcls = child.vcls;
        for (int i = 0; i < vcls.size(); i++) {
            Vcl v = vcls.get(i);
            out.print("{\n");
            out.indent(2);
            out.print("\"status\": ");
            out.print(v == child.active ? "\"active\",\n"
                    : v.discard ? "\"discarded\",\n" : "\"available\",\n");
            out.print("\"state\": \"" + v.state + "\",\n");
            out.print("\"temperature\": \"" + v.temp.word() + "\",\n");
            out.print("\"busy\": " + v.busy + ",\n");
            out.print("\"name\": \"" + v.name + "\"");
            if (v.label != null) {
                out.print(",\n");
                out.print("\"label\": {\n");
                out.indent(2);
                out.print("\"name\": \"" + v.label.name + "\"");
                if (v.nrefs > 0) {
                    out.print(",\n\"refs\": " + v.nrefs);
                }
                out.print("\n");
                out.print("}");
                out.indent(-2);
            } else if (v.nlabels > 0) {
                out.print(",\n");
                out.print("\"labels\": " + v.nlabels);
            }
            out.indent(-2);
            out.print("\n}");
            if (i + 1 < vcls.size()) {
                out.print(",\n");
            }
        }
        out.jsonEnd();
    }

    private void vclShow(CliCall c) {
        List<String> av = c.args();
        int i = 0;
        boolean verbose = false;
        if (i < av.size() && av.get(i).equals("-v")) {
            verbose = true;
            i++;
        }
        Vcl vcl;
        if (i >= av.size()) {
            vcl = child.active;
        } else {
            vcl = child.find(av.get(i));
            i++;
        }
        if (i < av.size()) {
            c.out().print("Too many parameters: '" + av.get(i) + "'");
            c.out().setStatus(CliStatus.PARAM);
            return;
        }
        if (vcl == null) {
            c.out().print("No VCL named '" + av.get(i - 1) + "'");
            c.out().setStatus(CliStatus.PARAM);
            return;
        }
        if (vcl.label != null) {
            vcl = vcl.label;
        }
        List<VclSource> sources = vcl.program.sources();
        if (!verbose) {
            c.out().print(sources.get(0).text());
            return;
        }
        for (int n = 0; n < sources.size(); n++) {
            VclSource s = sources.get(n);
            c.out().print("// VCL.SHOW " + n + " " + s.text().getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1).length + " " + s.name() + "\n"
                    + s.text() + "\n");
        }
    }

    // ---------------------------------------------------------------- backend.list

    private void backendList(CliCall c) {
        boolean json = false;
        boolean details = false;
        List<String> av = c.args();
        int i = 0;
        for (; i < av.size() && av.get(i).startsWith("-"); i++) {
            for (char f : av.get(i).substring(1).toCharArray()) {
                switch (f) {
                    case 'j' -> json = true;
                    case 'p' -> details = !details;
                    default -> {
                        c.out().print("Invalid flag " + f);
                        c.out().setStatus(CliStatus.PARAM);
                        return;
                    }
                }
            }
        }
        if (i < av.size() && i + 1 < av.size()) {
            c.out().print("Too many arguments");
            c.out().setStatus(CliStatus.PARAM);
            return;
        }
        String pattern = i < av.size() ? av.get(i) : null;
        List<Director> list = child.cli().select(pattern, true);
        if (json) {
            listJson(c, list, details);
        } else {
            listTable(c, list, details);
        }
    }

    private void listTable(CliCall c, List<Director> list, boolean details) {
        StringBuilder sb = new StringBuilder("Backend name\tAdmin\tProbe\tHealth\tLast change\n");
        TextSink sink = TextSink.of(sb);
        for (Director d : list) {
            if (d.adminHealth == AdminHealth.DELETED) {
                continue;
            }
            sb.append(d.cliName()).append('\t').append(adminHealth(d)).append('\t');
            if (d.methods().hasList()) {
                d.methods().list(d, sink, false, false);
            } else if (d.methods().hasHealthy()) {
                sb.append("0/0\t").append(child.vrt().healthy(d) ? "healthy" : "sick");
            } else {
                sb.append("0/0\thealthy");
            }
            sb.append('\t').append(CFormat.httpDate(d.healthChanged));
            if (details && d.methods().hasList()) {
                d.methods().list(d, sink, true, false);
            }
            sb.append('\n');
        }
        VteTable.print(c.out(), c.dialect(), sb.toString(), 5);
    }

    private void listJson(CliCall c, List<Director> list, boolean details) {
        CliOutput out = c.out();
        TextSink sink = new TextSink() {
            @Override
            public void print(String text) {
                out.append(text);
            }

            @Override
            public void indent(int delta) {
                out.indent(delta);
            }
        };
        c.jsonBegin(3);
        out.print(",\n");
        out.print("{\n");
        out.indent(2);
        String sep = "";
        for (Director d : list) {
            if (d.adminHealth == AdminHealth.DELETED) {
                continue;
            }
            out.print(sep);
            sep = ",\n";
            out.jsonString(d.cliName());
            out.print(": {\n");
            out.indent(2);
            out.print("\"type\": \"" + d.methods().type() + "\",\n");
            out.print("\"admin_health\": \"" + adminHealth(d) + "\",\n");
            out.print("\"probe_message\": ");
            if (d.methods().hasList()) {
                d.methods().list(d, sink, false, true);
            } else if (d.methods().hasHealthy()) {
                out.print("[0, 0, \"" + (child.vrt().healthy(d) ? "healthy" : "sick") + "\"]");
            } else {
                out.print("[0, 0, \"healthy\"]");
            }
            out.print(",\n");
            if (details && d.methods().hasList()) {
                out.print("\"probe_details\": ");
                d.methods().list(d, sink, true, true);
            }
            out.print("\"last_change\": " + CFormat.fixed(d.healthChanged, 3) + "\n");
            out.indent(-2);
            out.print("}");
        }
        out.indent(-2);
        out.print("\n");
        out.print("}");
        out.jsonEnd();
    }

    private static String adminHealth(Director d) {
        if (d.adminHealth != AdminHealth.AUTO) {
            return d.adminHealth.word();
        }
        return d.methods().hasHealthy() ? "probe" : "healthy";
    }

    // ---------------------------------------------------------------- debug helpers and bans

    private void debugXid(CliCall c) {
        if (!c.args().isEmpty()) {
            xid = Long.parseLong(c.args().get(0));
            if (c.args().size() > 1) {
                xidChunk = Long.parseLong(c.args().get(1));
            }
        }
        c.out().print("XID is " + xid + " chunk " + xidChunk);
    }

    private void debugVmod(CliCall c) {
        StringBuilder sb = new StringBuilder();
        for (Vcl v : child.vcls) {
            if (v.program != null) {
                for (String m : v.program.vmodNames()) {
                    String line = String.format(Locale.ROOT, "%5d %s\n", 1, m);
                    if (sb.indexOf(line) < 0) {
                        sb.append(line);
                    }
                }
            }
        }
        c.out().print(sb.toString());
    }

    private void banList(CliCall c) {
        if (c.json()) {
            c.jsonBegin(2);
            c.out().print(",\n");
            c.out().print("{\n");
            c.out().indent(2);
            c.out().print("\"time\": " + CFormat.fixed(child.epochSeconds(), 6) + ",\n");
            c.out().print("\"refs\": 0,\n");
            c.out().print("\"completed\": true,\n");
            c.out().print("\"spec\": \"\"");
            c.out().indent(-2);
            // One write, so no indentation goes before the brace: varnishd 7.1.1 prints "}"
            // in column 0 here.
            c.out().print("\n}");
            c.out().jsonEnd();
            return;
        }
        StringBuilder sb = new StringBuilder("Present bans:\n");
        for (int i = bans.size() - 1; i >= 0; i--) {
            sb.append(bans.get(i)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%10.6f %5d C  \n", child.epochSeconds(), 0));
        c.out().print(sb.toString());
    }

    private void ban(CliCall c) {
        // TODO: bans are only listed; vclab holds no objects for them to act on, and only
        // the field/operator check of the ban parser is missing.
        bans.add(String.format(Locale.ROOT, "%10.6f %5d -  %s", child.epochSeconds(), 0,
                String.join(" ", c.args())));
        Reply ok = Reply.ok();
        MgtHandlers.reply(c, ok);
    }
}
