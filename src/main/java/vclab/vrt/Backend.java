package vclab.vrt;

import java.util.Locale;

/**
 * A native backend (varnishd's {@code struct backend}, "vbe"): an endpoint, an optional
 * probe and the VBE counters, registered as a director of type "backend". Its director
 * callbacks enable the probe on WARM, disable it on COLD and delete the director on DISCARD.
 */
public final class Backend implements DirectorMethods {
    private final VrtHost host;
    private final Vrt vrt;
    private final String vclName;
    private final String name;
    private final String hostName;
    private final String port;
    private final String path;
    private final Probe probe;

    Director director;
    boolean sick;
    /** Epoch seconds of the last health change seen by the probe. */
    double changed;
    /** VBE.<vcl>.<name>.happy */
    long happyCounter;
    /** Whether the VBE counters are visible (the VCL is warm). */
    boolean countersVisible;
    boolean freed;

    /**
     * Creates the backend's state (VRT_new_backend before VRT_AddDirector).
     *
     * @param probe the backend's own probe or the VCL's default one, or null
     */
    public Backend(Vrt vrt, String vclName, String name, String hostName, String port,
            String path, ProbeSpec probe, boolean vclWarm) {
        this.vrt = vrt;
        this.host = vrt.host();
        this.vclName = vclName;
        this.name = name;
        this.hostName = hostName;
        this.port = port;
        this.path = path;
        this.countersVisible = vclWarm;
        this.changed = host.epochSeconds();
        if (probe != null) {
            this.probe = new Probe(host, this, probe);
        } else {
            this.probe = null;
            this.sick = false;
            this.happyCounter = host.release().noProbeHappy();
        }
        host.countMain("n_backend", 1);
    }

    /** Called after VRT_AddDirector returned a director for this backend. */
    public void registered(Director d) {
        this.director = d;
        if (probe != null) {
            updateHealth(probe);
        }
    }

    /** Frees the backend when VRT_AddDirector refused it (cooling VCL). */
    public void discardUnregistered() {
        free();
    }

    public String vclName() {
        return vclName;
    }

    public String name() {
        return name;
    }

    public String cliName() {
        return vclName + "." + name;
    }

    public String host() {
        return hostName;
    }

    public String port() {
        return port;
    }

    public String path() {
        return path;
    }

    public Probe probe() {
        return probe;
    }

    public boolean isSick() {
        return sick;
    }

    public double changed() {
        return changed;
    }

    public long happyCounter() {
        return happyCounter;
    }

    public boolean countersVisible() {
        return countersVisible && !freed;
    }

    public Director director() {
        return director;
    }

    /** VBP_Update_Backend: compute health from the window and log a Backend_health record. */
    void updateHealth(Probe p) {
        host.vbpMutex().lock();
        try {
            if (freed) {
                return;
            }
            boolean nowSick = p.good < p.spec.threshold();
            boolean chg = nowSick != sick;
            sick = nowSick;
            host.log("Backend_health", String.format(Locale.ROOT,
                    "%s %s %s %s %d %d %d %.6f %.6f \"%s\"", name, chg ? "Went" : "Still",
                    nowSick ? "sick" : "healthy", p.bits(), p.good, p.spec.threshold(),
                    p.spec.window(), p.last, p.avg, p.response));
            happyCounter = p.happy;
            if (chg) {
                changed = host.epochSeconds();
            }
        } finally {
            host.vbpMutex().unlock();
        }
    }

    private void free() {
        if (freed) {
            return;
        }
        if (probe != null) {
            probe.remove();
        }
        freed = true;
        host.countMain("n_backend", -1);
    }

    // ---------------------------------------------------------------- director methods

    @Override
    public String type() {
        return "backend";
    }

    @Override
    public boolean hasEvent() {
        return true;
    }

    @Override
    public void event(Director d, VclEvent e) {
        switch (e) {
            case WARM -> {
                countersVisible = true;
                if (probe != null) {
                    probe.control(true);
                }
            }
            case COLD -> {
                if (probe != null) {
                    probe.control(false);
                }
                countersVisible = false;
            }
            case DISCARD -> vrt.delDirector(d);
            default -> {
            }
        }
    }

    @Override
    public boolean hasHealthy() {
        return probe != null;
    }

    @Override
    public boolean healthy(Director d) {
        return !sick;
    }

    @Override
    public void destroy(Director d) {
        free();
    }

    @Override
    public boolean hasList() {
        return true;
    }

    @Override
    public void list(Director d, TextSink out, boolean details, boolean json) {
        if (probe != null) {
            if (!details) {
                if (json) {
                    out.print("[" + probe.good + ", " + probe.spec.window() + ", \""
                            + (sick ? "sick" : "healthy") + "\"]");
                } else {
                    out.print(probe.good + "/" + probe.spec.window() + "\t"
                            + (sick ? "sick" : "healthy"));
                }
                return;
            }
            probe.details(out, json);
        } else if (json && details) {
            out.print("{},\n");
        } else if (json) {
            out.print("[0, 0, \"healthy\"]");
        } else if (!details) {
            out.print("0/0\thealthy");
        }
    }
}
