package vclab.vcl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The manager's {@code vcl.*} commands (mgt_vcl.c): name and state checks, the records of
 * VCLs and labels, their dependencies and cooldown timers, and the commands it sends to the
 * child.
 */
public final class MgtVclCommands {
    private final Manager mgt;
    /** Records in the order they were created. */
    final List<MgtVcl> records = new ArrayList<>();
    MgtVcl active;
    private int vclCount;
    private long librarySerial;

    MgtVclCommands(Manager mgt) {
        this.mgt = mgt;
    }

    // ---------------------------------------------------------------- lookups and checks

    public MgtVcl find(String name) {
        for (MgtVcl v : records) {
            if (v.name.equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** VCT_invalid_name: returns the error, or null for a good name. */
    static String checkName(String name) {
        // Real varnishd 7.1.1 aborts on an empty name (an assertion in VCT_invalid_name);
        // vclab rejects it like any other bad name instead.
        if (name.isEmpty()) {
            return "Illegal character in VCL name (empty name)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = i == 0 ? isAlpha(c) : isAlpha(c) || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!ok) {
                if (c >= 0x21 && c <= 0x7e) {
                    return "Illegal character in VCL name ('" + c + "')";
                }
                return String.format(Locale.ROOT, "Illegal character in VCL name (0x%02x)",
                        (int) c & 0xff);
            }
        }
        return null;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private Reply lookup(String name, MgtVcl[] out) {
        String bad = checkName(name);
        if (bad != null) {
            return new Reply(106, bad);
        }
        MgtVcl v = find(name);
        if (v == null) {
            return new Reply(106, "No VCL named " + name + " known\n");
        }
        out[0] = v;
        return null;
    }

    private static String parseState(String word) {
        if (word == null) {
            return "auto";
        }
        return switch (word) {
            case "auto", "cold", "warm" -> word;
            default -> null;
        };
    }

    private static final String BAD_STATE = "State must be one of auto, cold or warm.";

    // ---------------------------------------------------------------- cooldown and temperature

    /** set_cooldown: start the timer only for an idle, auto, warm, unrelated VCL. */
    void setCooldown(MgtVcl v) {
        if (v == active || !"auto".equals(v.state) || !v.warm || !v.dependents.isEmpty()
                || !v.dependencies.isEmpty()) {
            v.goCold = -1;
        } else {
            v.goCold = mgt.now();
        }
    }

    /** mgt_vcl_askchild: tell the child the temperature; null on success. */
    private Reply askChild(MgtVcl v, boolean warm) {
        if (!mgt.childRunning()) {
            v.warm = warm;
            return null;
        }
        if (!warm && (v == active || v.dependents.stream().anyMatch(MgtVcl::isLabel))) {
            mgt.vd.invariantViolated("mgt sent a cold request for " + v.name + ", which is "
                    + (v == active ? "the active VCL" : "a label's target"));
        }
        Reply r = mgt.childCommand("vcl.state " + v.name + " " + (warm ? "1" : "0") + v.state);
        if (r.status() != 200) {
            return r;
        }
        v.warm = warm;
        return null;
    }

    /** mgt_vcl_settemp. */
    Reply setTemp(MgtVcl v, boolean warm) {
        if (v.warm == warm) {
            return null;
        }
        if ("auto".equals(v.state) || v.isLabel()) {
            v.goCold = -1;
            Reply r = askChild(v, warm);
            setCooldown(v);
            return r;
        }
        return setState(v, warm ? "warm" : "cold");
    }

    /** mgt_vcl_setstate. */
    Reply setState(MgtVcl v, String state) {
        if (v.isLabel() || v.state.equals(state)) {
            return null;
        }
        String old = v.state;
        v.state = state;
        boolean warm = switch (state) {
            case "auto" -> v == active || v.warm;
            case "warm" -> true;
            default -> v == active;
        };
        Reply r = askChild(v, warm);
        if (r == null) {
            setCooldown(v);
        } else {
            v.state = old;
        }
        return r;
    }

    /** mgt_vcl_requirewarm. */
    private Reply requireWarm(MgtVcl v) {
        if ("cold".equals(v.state)) {
            return new Reply(300, "VCL '" + v.name + "' is cold - set to auto or warm first");
        }
        return setTemp(v, true);
    }

    private void addDependency(MgtVcl from, MgtVcl to) {
        from.dependencies.add(to);
        to.dependents.add(from);
        from.goCold = -1;
        to.goCold = -1;
    }

    /** Drops {@code from}'s dependencies; a record left without dependents may cool down. */
    private void removeDependencies(MgtVcl from) {
        for (MgtVcl to : from.dependencies) {
            to.dependents.remove(from);
            if (to.dependents.isEmpty()) {
                setCooldown(to);
            }
        }
        from.dependencies.clear();
    }

    // ---------------------------------------------------------------- vcl.load and vcl.inline

    public Reply load(String name, String sourceName, String source, String stateWord) {
        String bad = checkName(name);
        if (bad != null) {
            return new Reply(106, bad);
        }
        if (find(name) != null) {
            return new Reply(106, "Already a VCL named " + name);
        }
        long maxVcl = mgt.params().uint("max_vcl");
        long handling = mgt.params().uint("max_vcl_handling");
        if (handling == 2 && vclCount >= maxVcl) {
            return new Reply(300, "Too many (" + vclCount + ") VCLs already loaded\n"
                    + "(See max_vcl and max_vcl_handling parameters)");
        }
        String state = parseState(stateWord);
        if (state == null) {
            return new Reply(106, BAD_STATE);
        }
        MgtVcl v = new MgtVcl(name, state, !"cold".equals(state));
        records.add(v);
        vclCount++;

        Set<String> labels = new LinkedHashSet<>();
        for (MgtVcl r : records) {
            if (r.isLabel()) {
                labels.add(r.name);
            }
        }
        VclCompiler.Result compiled = mgt.compiler().compile(sourceName, source, labels);
        if (compiled.code() == null) {
            delete(v);
            return new Reply(106, compiled.message() + "VCL compilation failed");
        }
        v.code = compiled.code();
        for (String label : compiled.code().labelsUsed()) {
            MgtVcl l = find(label);
            if (l != null) {
                addDependency(v, l);
            }
        }
        StringBuilder body = new StringBuilder(compiled.message());
        if (handling == 1 && vclCount > maxVcl) {
            body.append(vclCount).append(" VCLs loaded\n")
                    .append("Remember to vcl.discard the old/unused VCLs.\n")
                    .append("(See max_vcl and max_vcl_handling parameters)");
        }
        v.library = "vcl_" + name + "."
                + fixed6(mgt.epochSeconds() + (librarySerial++) * 1e-6) + "/vgc.so";
        mgt.vd.addLibrary(v.library, v.code);
        if (!mgt.childRunning()) {
            body.append("VCL compiled.\n");
            return Reply.ok(body.toString());
        }
        // Unlike the push at child start, a run-time load sends the name unquoted.
        Reply r = mgt.childCommand("vcl.load " + name + " " + v.library + " "
                + (v.warm ? "1" : "0") + state);
        if (r.status() != 200) {
            delete(v);
            return r;
        }
        setCooldown(v);
        return Reply.ok(body.toString());
    }

    private void delete(MgtVcl v) {
        removeDependencies(v);
        records.remove(v);
        if (!v.isLabel()) {
            vclCount--;
        }
        if (v == active) {
            active = null;
        }
    }

    // ---------------------------------------------------------------- vcl.use

    public Reply use(String name) {
        MgtVcl[] found = new MgtVcl[1];
        Reply err = lookup(name, found);
        if (err != null) {
            return err;
        }
        MgtVcl v = found[0];
        if (v == active) {
            return Reply.ok();
        }
        Reply r = requireWarm(v);
        if (r != null) {
            return r;
        }
        if (mgt.childRunning()) {
            r = mgt.childCommand("vcl.use " + v.name);
            if (r.status() != 200) {
                return r;
            }
        }
        MgtVcl previous = active;
        active = v;
        v.goCold = -1;
        if (previous != null) {
            setCooldown(previous);
        }
        return Reply.ok("VCL '" + v.name + "' now active");
    }

    // ---------------------------------------------------------------- vcl.state

    public Reply state(String name, String stateWord) {
        MgtVcl[] found = new MgtVcl[1];
        Reply err = lookup(name, found);
        if (err != null) {
            return err;
        }
        MgtVcl v = found[0];
        if (v.isLabel()) {
            return new Reply(106, "Labels are always warm");
        }
        String state = parseState(stateWord);
        if (state == null) {
            return new Reply(106, BAD_STATE);
        }
        if ("cold".equals(state)) {
            if (!v.dependents.isEmpty()) {
                return new Reply(300, "A labeled VCL cannot be set cold");
            }
            if (v == active) {
                return new Reply(300, "Cannot set the active VCL cold.");
            }
        }
        Reply r = setState(v, state);
        return r == null ? Reply.ok() : r;
    }

    // ---------------------------------------------------------------- vcl.discard

    public Reply discard(List<String> patterns) {
        List<MgtVcl> marked = new ArrayList<>();
        try {
            for (String pattern : patterns) {
                java.util.regex.Pattern glob = Glob.compile(pattern);
                boolean any = false;
                for (MgtVcl v : records) {
                    if (!glob.matcher(v.name).matches()) {
                        continue;
                    }
                    any = true;
                    if (v == active) {
                        return new Reply(300, "Cannot discard active VCL program " + v.name
                                + "\n");
                    }
                    if (!v.discardMark) {
                        v.discardMark = true;
                        marked.add(v);
                    }
                }
                if (!any) {
                    return new Reply(106, "No VCL name matches " + pattern + "\n");
                }
            }
            for (MgtVcl v : marked) {
                List<MgtVcl> blockers = new ArrayList<>();
                for (MgtVcl d : v.dependents) {
                    if (!d.discardMark) {
                        blockers.add(d);
                    }
                }
                if (!blockers.isEmpty()) {
                    return dependentsReply(v, blockers);
                }
            }
            for (MgtVcl v : marked) {
                if (records.contains(v)) {
                    discardOne(v);
                }
            }
            return Reply.ok();
        } finally {
            for (MgtVcl v : records) {
                v.discardMark = false;
            }
        }
    }

    private static Reply dependentsReply(MgtVcl v, List<MgtVcl> blockers) {
        StringBuilder sb = new StringBuilder(v.isLabel()
                ? "Cannot discard VCL label " + v.name + ", other VCLs depend on it:\n"
                : "Cannot discard labeled VCL program " + v.name + ":\n");
        int n = 0;
        for (MgtVcl d : blockers) {
            if (++n > 5) {
                sb.append("\t[...]");
                break;
            }
            sb.append('\t').append(d.name).append('\n');
        }
        return new Reply(300, sb.toString());
    }

    private void discardOne(MgtVcl v) {
        for (MgtVcl d : new ArrayList<>(v.dependents)) {
            if (records.contains(d)) {
                discardOne(d);
            }
        }
        if (v.isLabel()) {
            v.warm = false;
        } else {
            setState(v, "cold");
        }
        if (v == active || v.dependents.stream().anyMatch(records::contains)) {
            mgt.vd.invariantViolated("mgt discarded " + v.name + " while "
                    + (v == active ? "it is the active VCL" : "a record depends on it"));
        }
        if (mgt.childRunning()) {
            mgt.childCommand("vcl.discard " + v.name);
        }
        delete(v);
    }

    // ---------------------------------------------------------------- vcl.label

    public Reply label(String labelName, String vclName) {
        String bad = checkName(labelName);
        if (bad != null) {
            return new Reply(106, bad);
        }
        MgtVcl label = find(labelName);
        if (label != null && !label.isLabel()) {
            return new Reply(106, labelName + " is not a label");
        }
        MgtVcl[] found = new MgtVcl[1];
        Reply err = lookup(vclName, found);
        if (err != null) {
            return err;
        }
        MgtVcl target = found[0];
        if (target.isLabel()) {
            return new Reply(300, "VCL labels cannot point to labels");
        }
        if (label != null && !label.dependencies.contains(target)) {
            StringBuilder trace = new StringBuilder();
            if (reaches(target, label, trace)) {
                return new Reply(106, trace + "Pointing label " + labelName + " at " + vclName
                        + " would create a loop");
            }
        }
        Reply r = requireWarm(target);
        if (r != null) {
            return r;
        }
        if (label != null) {
            removeDependencies(label);
        } else {
            label = new MgtVcl(labelName, "label", true);
            records.add(label);
        }
        addDependency(label, target);
        if (mgt.childRunning()) {
            r = mgt.childCommand("vcl.label " + labelName + " " + vclName);
            if (r.status() != 200) {
                return r;
            }
        }
        return Reply.ok();
    }

    /** True if {@code goal} is reachable from {@code from} through dependencies. */
    private boolean reaches(MgtVcl from, MgtVcl goal, StringBuilder trace) {
        for (MgtVcl d : from.dependencies) {
            if (d == goal || reaches(d, goal, trace)) {
                trace.insert(0, from.isLabel() ? "Label " + from.name + " points to vcl "
                        + d.name + "\n" : "Vcl " + from.name + " uses Label " + d.name + "\n");
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- listings

    /** vcl.deps rows, tab-separated as VTE input. */
    public String depsRows() {
        StringBuilder sb = new StringBuilder();
        for (MgtVcl v : records) {
            if (v.dependencies.isEmpty()) {
                sb.append(v.name).append('\n');
            }
            for (MgtVcl d : v.dependencies) {
                sb.append(v.name).append('\t').append(d.name).append('\n');
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- poker and child start

    /** One run of the cooldown poker over every record. */
    void poke(long cooldownNanos) {
        for (MgtVcl v : new ArrayList<>(records)) {
            if (v.goCold >= 0 && v.goCold + cooldownNanos < mgt.now()) {
                Reply r = setTemp(v, false);
                if (r != null) {
                    mgt.complain("Error", String.format(Locale.ROOT,
                            "Please file ticket: VCL poker problem: 'vcl.state %s 0%s' -> %03d"
                                    + " '%s'", v.name, v.state, r.status(), r.body()));
                }
            }
        }
    }

    /** The records in dependency order, as a child start pushes them. */
    List<MgtVcl> pushOrder() {
        List<MgtVcl> done = new ArrayList<>();
        boolean progress = true;
        while (progress && done.size() < records.size()) {
            progress = false;
            for (MgtVcl v : records) {
                if (done.contains(v) || !done.containsAll(v.dependencies)) {
                    continue;
                }
                done.add(v);
                progress = true;
            }
        }
        return done;
    }

    public int vclCount() {
        return vclCount;
    }

    /** Every record in creation order. */
    public List<MgtVcl> records() {
        return List.copyOf(records);
    }

    /** The active VCL or label, or null. */
    public MgtVcl active() {
        return active;
    }

    /**
     * Formats {@code seconds} as {@code %.6f} does: the digits of {@link Double#toString}
     * rounded half up to six decimals, without the cost of a Formatter.
     */
    static String fixed6(double seconds) {
        return new java.math.BigDecimal(Double.toString(seconds))
                .setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
