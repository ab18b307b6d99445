package vclab.instance;

import java.util.List;
import vclab.cli.CliCall;
import vclab.cli.CliDispatcher;
import vclab.cli.CliOutput;
import vclab.cli.VteTable;
import vclab.vcl.Manager;
import vclab.vcl.MgtVcl;
import vclab.vcl.Reply;

/** The manager's commands that act on the model: vcl.*, start, stop, status, pid, panic.*. */
final class MgtHandlers {
    private final Instance inst;

    MgtHandlers(Instance inst) {
        this.inst = inst;
    }

    private Manager mgt() {
        return inst.varnishd().manager();
    }

    void register(CliDispatcher d) {
        d.register("vcl.load", c -> reply(c, mgt().vcls().load(c.args().get(0),
                c.args().get(1), null, c.args().size() > 2 ? c.args().get(2) : null)));
        d.register("vcl.inline", c -> reply(c, mgt().vcls().load(c.args().get(0),
                "<vcl.inline>", c.args().get(1), c.args().size() > 2 ? c.args().get(2) : null)));
        d.register("vcl.use", c -> reply(c, mgt().vcls().use(c.args().get(0))));
        d.register("vcl.state", c -> reply(c, mgt().vcls().state(c.args().get(0),
                c.args().get(1))));
        d.register("vcl.discard", c -> reply(c, mgt().vcls().discard(c.args())));
        d.register("vcl.label", c -> reply(c, mgt().vcls().label(c.args().get(0),
                c.args().get(1))));
        d.register("vcl.list", this::vclList);
        d.register("vcl.deps", this::vclDeps);
        d.register("start", c -> reply(c, mgt().start()));
        d.register("stop", c -> reply(c, mgt().stop()));
        d.register("status", this::status);
        d.register("pid", this::pid);
        d.register("panic.show", this::panicShow);
        d.register("panic.clear", c -> reply(c, mgt().panicClear(c.args())));
        d.register("storage.list", this::storageList);
    }

    static void reply(CliCall c, Reply r) {
        c.out().setStatus(r.status());
        c.out().print(r.body());
    }

    private void vclList(CliCall c) {
        if (mgt().childRunning()) {
            Reply r = mgt().childCommandLine(c.json() ? "vcl.list -j" : "vcl.list");
            if (r.status() == 400) {
                return;
            }
            reply(c, r);
            return;
        }
        if (!c.json()) {
            StringBuilder rows = new StringBuilder();
            for (MgtVcl v : mgt().vcls().records()) {
                rows.append(v == mgt().vcls().active() ? "active" : "available").append('\t')
                        .append(v.state()).append('\t').append(v.isWarm() ? "warm" : "cold")
                        .append('\t').append(VteTable.busyField(c.dialect(), null)).append('\t')
                        .append(v.name());
                if (v.isLabel()) {
                    rows.append("\t->\t").append(v.target().name());
                    if (v.dependentCount() > 0) {
                        rows.append(" (").append(v.dependentCount()).append(" return(vcl)")
                                .append(v.dependentCount() > 1 ? "'s)" : ")");
                    }
                } else if (v.dependentCount() > 0) {
                    rows.append("\t<-\t(").append(v.dependentCount()).append(" label")
                            .append(v.dependentCount() > 1 ? "s)" : ")");
                }
                rows.append('\n');
            }
            VteTable.print(c.out(), c.dialect(), rows.toString(), 7);
            return;
        }
        CliOutput out = c.out();
        c.jsonBegin(2);
        for (MgtVcl v : mgt().vcls().records()) {
            out.print(",\n");
            out.print("{\n");
            out.indent(2);
            out.print("\"status\": \"" + (v == mgt().vcls().active() ? "active" : "available")
                    + "\",\n");
            out.print("\"state\": \"" + v.state() + "\",\n");
            out.print("\"temperature\": \"" + (v.isWarm() ? "warm" : "cold") + "\",\n");
            out.print("\"name\": \"" + v.name() + "\"");
            if (v.isLabel()) {
                out.print(",\n");
                out.print("\"label\": {\n");
                out.indent(2);
                out.print("\"name\": \"" + v.target().name() + "\"");
                if (v.dependentCount() > 0) {
                    out.print(",\n\"refs\": " + v.dependentCount());
                }
                out.indent(-2);
                out.print("\n");
                out.print("}");
            } else if (v.dependentCount() > 0) {
                out.print(",\n");
                out.print("\"labels\": " + v.dependentCount());
            }
            out.indent(-2);
            out.print("\n}");
        }
        c.out().jsonEnd();
    }

    private void vclDeps(CliCall c) {
        if (!c.json()) {
            VteTable.print(c.out(), c.dialect(), mgt().vcls().depsRows(), 2);
            return;
        }
        CliOutput out = c.out();
        c.jsonBegin(1);
        for (MgtVcl v : mgt().vcls().records()) {
            out.print(",\n");
            out.print("{\n");
            out.indent(2);
            out.print("\"name\": \"" + v.name() + "\",\n");
            out.print("\"deps\": [");
            out.indent(2);
            String sepd = "";
            String sepa = "";
            for (MgtVcl d : v.dependencyList()) {
                out.print(sepd + "\n");
                out.print("\"" + d.name() + "\"");
                sepd = ",";
                sepa = "\n";
            }
            out.indent(-2);
            out.print(sepa);
            out.print("]\n");
            out.indent(-2);
            out.print("}");
        }
        out.jsonEnd();
    }

    private void status(CliCall c) {
        if (!c.json()) {
            reply(c, mgt().status());
            return;
        }
        c.jsonBegin(2);
        c.out().print(", ");
        c.out().jsonString(mgt().childState());
        c.out().jsonEnd();
    }

    private void pid(CliCall c) {
        if (!c.json()) {
            reply(c, mgt().pid());
            return;
        }
        c.jsonBegin(2);
        c.out().print(",\n  {\"master\": " + inst.varnishd().masterPid());
        if (mgt().childRunning()) {
            c.out().print(", \"worker\": " + mgt().child().pid());
        }
        c.out().print("}");
        c.out().jsonEnd();
    }

    private void panicShow(CliCall c) {
        Reply r = mgt().panicShow();
        if (!c.json() || r.status() != 200) {
            reply(c, r);
            return;
        }
        c.jsonBegin(2);
        c.out().print(",\n");
        c.out().jsonString(mgt().panic());
        c.out().jsonEnd();
    }

    private void storageList(CliCall c) {
        List<Stevedores.Storage> storages = inst.stevedores().storages();
        if (!c.json()) {
            StringBuilder sb = new StringBuilder("Storage devices:\n");
            for (Stevedores.Storage s : storages) {
                sb.append("\tstorage.").append(s.ident()).append(" = ").append(s.strategy())
                        .append('\n');
            }
            c.out().print(sb.toString());
            return;
        }
        CliOutput out = c.out();
        c.jsonBegin(2);
        out.print(",\n");
        for (int i = 0; i < storages.size(); i++) {
            out.print(i > 0 ? ",\n" : "");
            out.print("{\n");
            out.indent(2);
            out.print("\"name\": ");
            out.jsonString(storages.get(i).ident());
            out.print(",\n");
            out.print("\"storage\": ");
            out.jsonString(storages.get(i).strategy());
            out.indent(-2);
            out.print("\n}");
        }
        out.jsonEnd();
    }
}
