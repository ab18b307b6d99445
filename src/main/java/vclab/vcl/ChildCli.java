package vclab.vcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vclab.vrt.AdminHealth;
import vclab.vrt.Director;
import vclab.vrt.VclEvent;

/**
 * The child's own CLI commands (cache_vcl.c's vcl.* handlers, backend.list,
 * backend.set_health and the debug helpers varnishtest uses). The manager is the only client.
 */
public final class ChildCli {
    private final Child c;

    ChildCli(Child c) {
        this.c = c;
    }

    // ---------------------------------------------------------------- vcl.load

    public Reply vclLoad(String name, String library, String stateArg) {
        c.invariantIf(c.find(name) != null, "vcl.load of existing VCL " + name);
        VclCode code = c.varnishd.library(library);
        if (code == null) {
            return new Reply(106, "Could not load compiled VCL.\n\tdlopen() = " + library
                    + ": cannot open shared object file: No such file or directory\n");
        }
        Vcl vcl = new Vcl(name, code.open(c, name), c.scheduler.newCond("vdire " + name));
        StringBuilder msg = new StringBuilder();
        c.trace("temperature", name, null, "init", "load");
        if (c.sendEvent(vcl, VclEvent.LOAD, msg) != 0) {
            return cancelLoad(vcl, msg, name, "initialization");
        }
        c.point(Points.LOAD_AFTER_LOAD_EVENT, name, null);
        msg.setLength(0);
        if (c.setState(vcl, stateArg, msg) != 0) {
            return cancelLoad(vcl, msg, name, "warmup");
        }
        c.vcls.add(vcl);
        c.varnishd.counters.add("MAIN.n_vcl", 1);
        c.varnishd.counters.add("MAIN.n_vcl_avail", 1);
        return new Reply(200, "Loaded \"" + library + "\" as \"" + name + "\"");
    }

    private Reply cancelLoad(Vcl vcl, StringBuilder msg, String name, String step) {
        String text = "VCL \"" + name + "\" Failed " + step
                + (msg.length() > 0 ? "\nMessage:\n\t" + msg : "");
        c.sendEvent(vcl, VclEvent.DISCARD, null);
        c.model.killBackends(c, vcl);
        c.trace("temperature", name, null, "unloaded", step + " failed");
        return new Reply(300, text);
    }

    // ---------------------------------------------------------------- state, use, discard, label

    public Reply vclState(String name, String arg) {
        Vcl vcl = c.find(name);
        if (vcl == null) {
            return new Reply(106, "No VCL named " + name);
        }
        StringBuilder msg = new StringBuilder();
        if (c.setState(vcl, arg, msg) != 0) {
            return new Reply(300, "Failed <vcl.state " + vcl.name + " " + arg.substring(1) + ">"
                    + (msg.length() > 0 ? "\nMessage:\n\t" + msg : ""));
        }
        return new Reply(200, "");
    }

    public Reply vclUse(String name) {
        Vcl vcl = c.find(name);
        c.invariantIf(vcl == null, "vcl.use of unknown VCL " + name);
        if (vcl == null) {
            return new Reply(106, "No VCL named " + name);
        }
        c.invariantIf(vcl.temp != Temperature.WARM, "vcl.use of " + name + " at temperature "
                + vcl.temp.word());
        c.vclMtx.lock();
        c.active = vcl;
        c.vclMtx.unlock();
        c.trace("temperature", name, null, "active", null);
        return new Reply(200, "");
    }

    public Reply vclDiscard(String name) {
        Vcl vcl = c.find(name);
        if (vcl == null) {
            return new Reply(106, "No VCL named " + name);
        }
        c.vclMtx.lock();
        c.invariantIf(vcl == c.active, "discarding the active VCL " + name);
        c.varnishd.counters.add("MAIN.n_vcl_discard", 1);
        c.varnishd.counters.add("MAIN.n_vcl_avail", -1);
        vcl.discard = true;
        if (vcl.label != null) {
            vcl.label.nlabels--;
            vcl.label = null;
        }
        c.vclMtx.unlock();
        if (vcl.isLabel()) {
            c.vcls.remove(vcl);
        } else if (vcl.temp == Temperature.COLD) {
            c.poll();
        }
        return new Reply(200, "");
    }

    public Reply vclLabel(String labelName, String vclName) {
        Vcl vcl = c.find(vclName);
        if (vcl == null) {
            return new Reply(106, "No VCL named " + vclName);
        }
        Vcl lbl = c.find(labelName);
        if (lbl == null) {
            lbl = new Vcl(labelName, null, null);
            c.vcls.add(lbl);
        }
        if (lbl.label != null) {
            lbl.label.nlabels--;
        }
        lbl.label = vcl;
        vcl.nlabels++;
        return new Reply(200, "");
    }

    public Reply start() {
        String addr = c.varnishd.listenAddress().replace(' ', ':');
        for (String opt : List.of("SO_LINGER", "SO_KEEPALIVE", "SO_SNDTIMEO", "SO_RCVTIMEO",
                "TCP_NODELAY", "TCP_KEEPIDLE", "TCP_KEEPCNT", "TCP_KEEPINTVL")) {
            c.log("Debug", "sockopt: Setting " + opt + " for a0=" + addr);
        }
        return new Reply(200, "");
    }

    // ---------------------------------------------------------------- listings

    /** The rows of vcl.list as VTE input: busy is a right-aligned \v field on trunk. */
    public String listRows(boolean trunk) {
        StringBuilder sb = new StringBuilder();
        for (Vcl v : c.vcls) {
            String status = v == c.active ? "active" : v.discard ? "discarded" : "available";
            sb.append(status).append('\t').append(v.state).append('\t').append(v.temp.word())
                    .append('\t').append(trunk ? "\u000b" + v.busy
                            : String.format(Locale.ROOT, "%6d", v.busy))
                    .append('\t').append(v.name);
            if (v.label != null) {
                sb.append("\t->\t").append(v.label.name);
                if (v.nrefs > 0) {
                    sb.append(" (").append(v.nrefs).append(" return(vcl)")
                            .append(v.nrefs > 1 ? "'s)" : ")");
                }
            } else if (v.nlabels > 0) {
                sb.append("\t<-\t(").append(v.nlabels).append(" label")
                        .append(v.nlabels > 1 ? "s)" : ")");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The objects of vcl.list -j, after the envelope's first line. */
    public String listJson() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.vcls.size(); i++) {
            Vcl v = c.vcls.get(i);
            String status = v == c.active ? "active" : v.discard ? "discarded" : "available";
            sb.append("  {\n");
            sb.append("    \"status\": \"").append(status).append("\",\n");
            sb.append("    \"state\": \"").append(v.state).append("\",\n");
            sb.append("    \"temperature\": \"").append(v.temp.word()).append("\",\n");
            sb.append("    \"busy\": ").append(v.busy).append(",\n");
            sb.append("    \"name\": \"").append(v.name).append('"');
            if (v.label != null) {
                sb.append(",\n    \"label\": {\n      \"name\": \"").append(v.label.name)
                        .append('"');
                if (v.nrefs > 0) {
                    sb.append(",\n\"refs\": ").append(v.nrefs);
                }
                sb.append("\n      }");
            } else if (v.nlabels > 0) {
                sb.append(",\n    \"labels\": ").append(v.nlabels);
            }
            sb.append("\n}");
            if (i + 1 < c.vcls.size()) {
                sb.append(",\n");
            }
        }
        return sb.toString();
    }

    /** The directors a backend.list or set_health pattern selects, in walk order. */
    public List<Director> select(String pattern, boolean forList) {
        List<Director> out = new ArrayList<>();
        Vcl active = c.active;
        if (pattern == null || pattern.isEmpty() || pattern.equals("*")
                || pattern.indexOf('.') < 0) {
            Vcl target = active.label != null ? active.label : active;
            String full = target.name + "."
                    + (pattern == null || pattern.isEmpty() ? "*" : pattern);
            java.util.regex.Pattern glob = Glob.compile(full);
            c.model.walk(c, target, true, d -> {
                if (glob.matcher(d.cliName()).matches()) {
                    out.add(d);
                }
                return true;
            });
            return out;
        }
        java.util.regex.Pattern glob = Glob.compile(pattern);
        c.vclMtx.lock();
        try {
            for (Vcl v : c.vcls) {
                if (v.vdire == null) {
                    continue;
                }
                for (Director d : v.vdire.directors) {
                    if (glob.matcher(d.cliName()).matches()) {
                        out.add(d);
                    }
                }
            }
        } finally {
            c.vclMtx.unlock();
        }
        return out;
    }

    /** backend.set_health. */
    public Reply setHealth(String pattern, String state) {
        AdminHealth h = AdminHealth.parse(state);
        if (h == null) {
            return new Reply(106, "Invalid state " + state);
        }
        int n = 0;
        for (Director d : select(pattern, false)) {
            n++;
            if (d.adminHealth == AdminHealth.DELETED) {
                continue;
            }
            if (d.adminHealth != h) {
                d.healthChanged = c.epochSeconds();
                d.adminHealth = h;
            }
        }
        if (n == 0) {
            return new Reply(106, "No Backends matches");
        }
        return Reply.ok();
    }
}
