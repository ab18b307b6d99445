package vclab.vmod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.sched.SimThread;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.DirectorSlot;
import vclab.vrt.ProbeSpec;
import vclab.vrt.TextSink;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * A dynamic-backend VMOD modelled on libvmod-dynamic: {@code dynamic.director} objects whose
 * domains each run a lookup thread that resolves a name through the simulated resolver, adds
 * a probed backend per new address, drops backends whose address stayed missing for more
 * than {@code keep} lookups, and waits {@code ttl} between lookups. A domain created from
 * vcl_init starts its thread at once ("early start"), during LOAD. Its COLD handler stops
 * the thread and waits for it to exit. A domain not looked up for domain_usage_timeout
 * expires: its thread ends and its director is deleted on the next lookup through the object
 * or the VMOD's next COLD. The VMOD takes a discard reference per object on WARM and
 * releases it on COLD.
 */
public final class DynamicVmod implements Vmod {
    @Override
    public String name() {
        return "dynamic";
    }

    @Override
    public Instance instantiate(VmodContext context) {
        return new PerVcl(context);
    }

    private static final class PerVcl extends Instance {
        final List<DynDirector> objects = new ArrayList<>();

        PerVcl(VmodContext vc) {
            super(vc);
        }

        @Override
        public boolean hasEvent() {
            return true;
        }

        @Override
        public int event(VrtCtx ctx, VclEvent event) {
            if (event == VclEvent.WARM) {
                for (DynDirector o : objects) {
                    o.reference = vc.vrt().preventDiscard(ctx, "dynamic director " + o.name);
                }
            } else if (event == VclEvent.COLD) {
                for (DynDirector o : objects) {
                    o.purgeExpired(ctx);
                    if (o.reference != null) {
                        Object ref = o.reference;
                        o.reference = null;
                        vc.vrt().allowDiscard(ref);
                    }
                }
            }
            return 0;
        }

        @Override
        public VmodObject construct(VrtCtx ctx, String className, String objName,
                List<Object> args) {
            if (!className.equals("director")) {
                ctx.fail("vclab does not simulate dynamic." + className);
                return (c, n, a) -> null;
            }
            DynDirector o = new DynDirector(vc, objName, args);
            objects.add(o);
            return o;
        }
    }

    /**
     * A dynamic.director object. Its arguments come in the order of the VMOD's declaration:
     * port, host_header, share, probe, whitelist, ttl, and the timeouts after them.
     */
    private static final class DynDirector implements VmodObject {
        final VmodContext vc;
        final String name;
        final String port;
        final ProbeSpec probe;
        final long ttl;
        final int keep;
        final boolean shareByHost;
        final long usageTimeout;
        final Map<String, Domain> domains = new LinkedHashMap<>();
        /** Domains whose lookup thread ended after domain_usage_timeout, to be deleted. */
        final List<Domain> expired = new ArrayList<>();
        /** Backends by address, with the creator's reference and how many domains use them. */
        final Map<String, Shared> backends = new LinkedHashMap<>();
        Object reference;

        DynDirector(VmodContext vc, String name, List<Object> args) {
            this.vc = vc;
            this.name = name;
            String p = args.size() > 0 && args.get(0) != null ? (String) args.get(0) : "http";
            this.port = p.equals("http") ? "80" : p.equals("https") ? "443" : p;
            this.shareByHost = args.size() > 2 && "HOST".equals(args.get(2));
            this.probe = args.size() > 3 ? (ProbeSpec) args.get(3) : null;
            this.ttl = args.size() > 5 && args.get(5) != null ? ((Dur) args.get(5)).nanos()
                    : 3_600_000_000_000L;
            this.usageTimeout = args.size() > 9 && args.get(9) != null
                    ? ((Dur) args.get(9)).nanos() : 7_200_000_000_000L;
            // libvmod-dynamic keeps a backend for this many lookups after its address went.
            this.keep = 3;
        }

        @Override
        public Object call(VrtCtx ctx, String method, List<Object> args) {
            if (!method.equals("backend")) {
                ctx.fail("vclab does not simulate dynamic director ." + method + "()");
                return null;
            }
            String host = args.isEmpty() || args.get(0) == null ? "" : (String) args.get(0);
            String p = args.size() > 1 && args.get(1) != null && !((String) args.get(1)).isEmpty()
                    ? (String) args.get(1) : port;
            String key = host + ":" + p;
            purgeExpired(ctx);
            Domain d = domains.get(key);
            if (d == null) {
                d = new Domain(this, host, p);
                d.lastUsed = vc.scheduler().now();
                domains.put(key, d);
                d.register(ctx);
            }
            d.lastUsed = vc.scheduler().now();
            return d.director;
        }

        /**
         * Deletes the domains whose lookup thread ended after domain_usage_timeout: their
         * references, the backends only they used, then their directors. Runs on later
         * lookups through this object and on the VMOD's COLD event.
         */
        void purgeExpired(VrtCtx ctx) {
            for (Domain d : expired) {
                for (String addr : new ArrayList<>(d.refs.keySet())) {
                    d.drop(ctx, addr);
                }
                if (d.director != null) {
                    Director dir = d.director;
                    d.director = null;
                    vc.vrt().delDirector(dir);
                }
            }
            expired.clear();
        }

        @Override
        public void destroy(VrtCtx ctx) {
            // As libvmod-dynamic's fini: stop the lookups, drop the domains' references, delete
            // the backends this object created, then the domain directors.
            purgeExpired(ctx);
            for (Domain d : domains.values()) {
                d.stop();
                d.release(d.director);
            }
            for (Shared s : backends.values()) {
                vc.vrt().deleteBackend(ctx, s.creator);
            }
            backends.clear();
            for (Domain d : domains.values()) {
                if (d.director != null) {
                    Director dir = d.director;
                    d.director = null;
                    vc.vrt().delDirector(dir);
                }
            }
            domains.clear();
        }

        String backendName(String host, String addr, String p) {
            return shareByHost ? name + "." + host + "(" + addr + ":" + p + ")"
                    : name + "(" + addr + ":" + p + ")";
        }
    }

    /** A backend shared by the domains that resolve to its address. */
    private static final class Shared {
        final DirectorSlot creator;
        int users;

        Shared(String name) {
            this.creator = new DirectorSlot("dynamic creator " + name);
        }
    }

    /** One name (and port) of a dynamic.director: a director with a lookup thread. */
    private static final class Domain implements DirectorMethods {
        final DynDirector obj;
        final String host;
        final String port;
        final Map<String, DirectorSlot> refs = new LinkedHashMap<>();
        final Map<String, Integer> missing = new LinkedHashMap<>();
        Director director;
        SimThread thread;
        boolean done;
        /** When the domain was last looked up through the object, in virtual time. */
        long lastUsed;

        Domain(DynDirector obj, String host, String port) {
            this.obj = obj;
            this.host = host;
            this.port = port;
        }

        void register(VrtCtx ctx) {
            director = obj.vc.vrt().addDirector(ctx, this, this,
                    obj.name + "(" + host + ":" + port + ")");
            // Early start: the domain warms itself whatever the VCL's temperature.
            startThread();
        }

        void startThread() {
            if (thread != null) {
                return;
            }
            done = false;
            thread = obj.vc.spawn("dyn " + obj.name + " " + host, this::lookupLoop);
        }

        void stop() {
            if (thread == null) {
                return;
            }
            done = true;
            SimThread t = thread;
            obj.vc.scheduler().join(t);
            thread = null;
        }

        private void lookupLoop() {
            VrtCtx ctx = new VrtCtx(obj.vc.vcl(), obj.vc.vclName(), null, null, false);
            while (!done) {
                long latency = obj.vc.resolver().latency(host);
                if (latency > 0) {
                    obj.vc.scheduler().sleep(latency);
                }
                if (done) {
                    break;
                }
                List<String> addrs = obj.vc.resolver().resolve(host, obj.vc.scheduler().now());
                for (String addr : addrs) {
                    missing.remove(addr);
                    if (!refs.containsKey(addr)) {
                        add(ctx, addr);
                    }
                }
                for (String addr : new ArrayList<>(refs.keySet())) {
                    if (addrs.contains(addr)) {
                        continue;
                    }
                    int rounds = missing.merge(addr, 1, Integer::sum);
                    if (rounds > obj.keep) {
                        drop(ctx, addr);
                    }
                }
                if (obj.vc.scheduler().now() - lastUsed > obj.usageTimeout) {
                    // Unused for domain_usage_timeout: the domain expires and its thread ends;
                    // its director is deleted later, outside this thread.
                    obj.domains.values().remove(this);
                    obj.expired.add(this);
                    return;
                }
                obj.vc.scheduler().blockUntil(() -> done, "dynamic lookup of " + host + " (ttl)",
                        obj.ttl);
            }
        }

        private void add(VrtCtx ctx, String addr) {
            String key = obj.shareByHost ? host + "/" + addr : addr;
            Shared s = obj.backends.get(key);
            if (s == null) {
                String name = obj.backendName(host, addr, port);
                Director be = obj.vc.vrt().newBackend(ctx, name, addr, port, null, obj.probe);
                if (be == null) {
                    return;
                }
                s = new Shared(name);
                s.creator.value = be;
                obj.backends.put(key, s);
            }
            DirectorSlot slot = new DirectorSlot("dynamic " + host + " " + addr);
            obj.vc.vrt().assignBackend(slot, s.creator.value);
            refs.put(addr, slot);
            s.users++;
        }

        void drop(VrtCtx ctx, String addr) {
            DirectorSlot slot = refs.remove(addr);
            missing.remove(addr);
            String key = obj.shareByHost ? host + "/" + addr : addr;
            Shared s = obj.backends.get(key);
            obj.vc.vrt().assignBackend(slot, null);
            if (s != null && --s.users == 0) {
                obj.backends.remove(key);
                obj.vc.vrt().deleteBackend(ctx, s.creator);
            }
        }

        @Override
        public String type() {
            return "dynamic";
        }

        @Override
        public boolean hasEvent() {
            return true;
        }

        @Override
        public void event(Director d, VclEvent e) {
            switch (e) {
                case WARM -> startThread();
                case COLD, DISCARD -> stop();
                default -> {
                }
            }
        }

        @Override
        public boolean hasHealthy() {
            return true;
        }

        @Override
        public boolean healthy(Director d) {
            for (DirectorSlot s : refs.values()) {
                if (obj.vc.vrt().healthy(s.value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void release(Director d) {
            for (DirectorSlot s : refs.values()) {
                obj.vc.vrt().assignBackend(s, null);
            }
            refs.clear();
        }

        @Override
        public boolean hasList() {
            return true;
        }

        @Override
        public void list(Director d, TextSink out, boolean details, boolean json) {
            if (details) {
                if (json) {
                    out.print("{},\n");
                }
                return;
            }
            int nh = 0;
            for (DirectorSlot s : refs.values()) {
                if (obj.vc.vrt().healthy(s.value)) {
                    nh++;
                }
            }
            String health = nh > 0 ? "healthy" : "sick";
            if (json) {
                out.print("[" + nh + ", " + refs.size() + ", \"" + health + "\"]");
            } else {
                out.print(nh + "/" + refs.size() + "\t" + health);
            }
        }
    }
}
