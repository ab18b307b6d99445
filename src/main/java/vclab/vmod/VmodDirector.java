package vclab.vmod;

import java.util.ArrayList;
import java.util.List;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.DirectorSlot;
import vclab.vrt.TextSink;
import vclab.vrt.Vrt;

/**
 * A director that balances over a list of backends, as vmod_directors' "vdir" does: it holds a
 * counted reference to each backend, is healthy when any backend is, and lists itself as
 * {@code <healthy>/<total>}.
 */
class VmodDirector implements DirectorMethods {
    private final String type;
    private final Vrt vrt;
    final List<DirectorSlot> backends = new ArrayList<>();
    final List<Double> weights = new ArrayList<>();
    Director director;

    VmodDirector(String type, Vrt vrt) {
        this.type = type;
        this.vrt = vrt;
    }

    void add(Director be, double weight) {
        DirectorSlot slot = new DirectorSlot(type + " backend " + backends.size());
        backends.add(slot);
        weights.add(weight);
        vrt.assignBackend(slot, be);
    }

    void remove(Director be) {
        for (int i = 0; i < backends.size(); i++) {
            if (backends.get(i).value == be) {
                DirectorSlot slot = backends.remove(i);
                weights.remove(i);
                vrt.assignBackend(slot, null);
                return;
            }
        }
    }

    int healthyCount() {
        int n = 0;
        for (DirectorSlot s : backends) {
            if (vrt.healthy(s.value)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean hasHealthy() {
        return true;
    }

    @Override
    public boolean healthy(Director d) {
        return healthyCount() > 0;
    }

    @Override
    public void release(Director d) {
        for (DirectorSlot s : backends) {
            vrt.assignBackend(s, null);
        }
        backends.clear();
        weights.clear();
    }

    @Override
    public boolean hasList() {
        return true;
    }

    @Override
    public void list(Director d, TextSink out, boolean details, boolean json) {
        int nh = healthyCount();
        int n = backends.size();
        if (details) {
            if (json) {
                out.print("{\n");
                out.indent(2);
                out.print("\"backends\": {\n");
                out.indent(2);
            } else {
                out.print("\n\n\tBackend\tWeight\tHealth\n");
            }
            for (int i = 0; i < n; i++) {
                DirectorSlot s = backends.get(i);
                String health = vrt.healthy(s.value) ? "healthy" : "sick";
                if (json) {
                    if (i > 0) {
                        out.print(",\n");
                    }
                    out.print("\"" + s.value.name() + "\": {\n");
                    out.indent(2);
                    out.print("\"health\": \"" + health + "\"\n");
                    out.indent(-2);
                    out.print("}");
                } else {
                    out.print("\t" + s.value.name() + "\t-\t" + health + "\n");
                }
            }
            if (json) {
                out.print("\n");
                out.indent(-2);
                out.print("}\n");
                out.indent(-2);
                out.print("},\n");
            }
            return;
        }
        if (json) {
            out.print("[" + nh + ", " + n + ", \"" + (nh > 0 ? "healthy" : "sick") + "\"]");
        } else {
            out.print(nh + "/" + n + "\t" + (nh > 0 ? "healthy" : "sick"));
        }
    }
}
