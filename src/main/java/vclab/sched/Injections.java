package vclab.sched;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Delays, waits and barriers injected at named points. A rule names a point and an action,
 * and optionally narrows it to a thread, a VCL, an event and a range of hits:
 *
 * <pre>
 * POINT delay DURATION [thread=GLOB] [vcl=NAME] [event=NAME] [skip=N] [times=N]
 * POINT wait OTHER_POINT     (block until some thread next passes OTHER_POINT)
 * POINT barrier NAME         (sync on a barrier declared with {@link #declareBarrier})
 * POINT pause NAME           (block until {@link #release} is called with NAME)
 * </pre>
 *
 * Rules are applied in the order they were added; one point can collect several.
 */
public final class Injections {
    /** What a rule does when it fires. */
    public enum Action { DELAY, WAIT, BARRIER, PAUSE }

    /** One injection rule. */
    public static final class Rule {
        final int id;
        final String point;
        final Action action;
        final long delayNanos;
        final String target;
        final Pattern thread;
        final String threadGlob;
        final String vcl;
        final String event;
        final int skip;
        final int times;
        int hits;
        int fired;

        Rule(int id, String point, Action action, long delayNanos, String target, String threadGlob,
                String vcl, String event, int skip, int times) {
            this.id = id;
            this.point = point;
            this.action = action;
            this.delayNanos = delayNanos;
            this.target = target;
            this.threadGlob = threadGlob;
            this.thread = threadGlob == null ? null : Pattern.compile(globToRegex(threadGlob));
            this.vcl = vcl;
            this.event = event;
            this.skip = skip;
            this.times = times;
        }

        public int id() {
            return id;
        }

        public String point() {
            return point;
        }

        /** Renders the rule in the syntax {@link Injections#add} accepts. */
        public String spec() {
            StringBuilder sb = new StringBuilder(point).append(' ')
                    .append(action.name().toLowerCase()).append(' ');
            sb.append(action == Action.DELAY ? Durations.format(delayNanos) : target);
            if (threadGlob != null) {
                sb.append(" thread=").append(threadGlob);
            }
            if (vcl != null) {
                sb.append(" vcl=").append(vcl);
            }
            if (event != null) {
                sb.append(" event=").append(event);
            }
            if (skip > 0) {
                sb.append(" skip=").append(skip);
            }
            if (times >= 0) {
                sb.append(" times=").append(times);
            }
            return sb.toString();
        }

        boolean matches(SimThread t, String vclName, String detail) {
            if (thread != null && !thread.matcher(t.name()).matches()) {
                return false;
            }
            if (vcl != null && !vcl.equals(vclName)) {
                return false;
            }
            return event == null || event.equalsIgnoreCase(detail);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, SimBarrier> barriers = new LinkedHashMap<>();
    private final Set<String> released = new LinkedHashSet<>();
    private final Set<String> knownPoints;
    private int nextId = 1;

    /**
     * @param knownPoints names accepted by {@link #add}; an empty set accepts any name
     */
    public Injections(Set<String> knownPoints) {
        this.knownPoints = knownPoints;
    }

    /**
     * Parses and adds a rule.
     *
     * @return the new rule
     * @throws IllegalArgumentException with a message that names the bad word
     */
    public Rule add(List<String> words) {
        if (words.size() < 3) {
            throw new IllegalArgumentException(
                    "usage: POINT delay DURATION|wait POINT|barrier NAME|pause NAME [thread=GLOB]"
                            + " [vcl=NAME] [event=NAME] [skip=N] [times=N]");
        }
        String point = words.get(0);
        if (!knownPoints.isEmpty() && !knownPoints.contains(point)) {
            throw new IllegalArgumentException("unknown injection point '" + point
                    + "'; debug.points lists them");
        }
        Action action;
        try {
            action = Action.valueOf(words.get(1).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown injection action '" + words.get(1)
                    + "'; use delay, wait, barrier or pause");
        }
        long delay = 0;
        String target = null;
        if (action == Action.DELAY) {
            delay = Durations.parseNanos(words.get(2));
        } else {
            target = words.get(2);
            if (action == Action.WAIT && !knownPoints.isEmpty() && !knownPoints.contains(target)) {
                throw new IllegalArgumentException("unknown injection point '" + target
                        + "'; debug.points lists them");
            }
        }
        String thread = null;
        String vcl = null;
        String event = null;
        int skip = 0;
        int times = -1;
        for (String w : words.subList(3, words.size())) {
            int eq = w.indexOf('=');
            String key = eq < 0 ? w : w.substring(0, eq);
            String value = eq < 0 ? "" : w.substring(eq + 1);
            switch (key) {
                case "thread" -> thread = value;
                case "vcl" -> vcl = value;
                case "event" -> event = value;
                case "skip" -> skip = parseCount(w, value);
                case "times" -> times = parseCount(w, value);
                default -> throw new IllegalArgumentException("unknown injection filter '" + w
                        + "'; use thread=, vcl=, event=, skip= or times=");
            }
        }
        Rule rule = new Rule(nextId++, point, action, delay, target, thread, vcl, event, skip,
                times);
        rules.add(rule);
        return rule;
    }

    private static int parseCount(String word, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid count in '" + word
                    + "': expected a non-negative integer");
        }
    }

    /** Removes the rule with this id; returns false if there is none. */
    public boolean remove(int id) {
        return rules.removeIf(r -> r.id == id);
    }

    public void clear() {
        rules.clear();
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** Declares (or redeclares) a barrier that {@code barrier} rules can sync on. */
    public void declareBarrier(Scheduler scheduler, String name, int parties) {
        barriers.put(name, new SimBarrier(scheduler, name, parties));
    }

    /** Returns whether {@link #declareBarrier} has declared a barrier of this name. */
    public boolean hasBarrier(String name) {
        return barriers.containsKey(name);
    }

    /** Lets threads blocked by {@code pause NAME} rules continue, now and later. */
    public void release(String name) {
        released.add(name);
    }

    /** Names of pause rules that hold a thread right now. */
    public boolean isReleased(String name) {
        return released.contains(name);
    }

    boolean hasRulesFor(String point) {
        for (Rule r : rules) {
            if (r.point.equals(point)) {
                return true;
            }
        }
        return false;
    }

    void apply(Scheduler scheduler, SimThread t, Point p, String vcl, String detail) {
        for (Rule r : List.copyOf(rules)) {
            if (!r.point.equals(p.name()) || !r.matches(t, vcl, detail)) {
                continue;
            }
            r.hits++;
            if (r.hits <= r.skip || (r.times >= 0 && r.fired >= r.times)) {
                continue;
            }
            r.fired++;
            scheduler.where(p.name() + " (injected " + r.spec() + ")");
            switch (r.action) {
                case DELAY -> scheduler.sleep(r.delayNanos);
                case WAIT -> {
                    int seen = scheduler.pointHits(r.target);
                    scheduler.blockUntil(() -> scheduler.pointHits(r.target) > seen,
                            "a thread to pass " + r.target);
                }
                case BARRIER -> {
                    SimBarrier b = barriers.get(r.target);
                    if (b == null) {
                        throw new IllegalStateException("injection " + r.spec()
                                + " names barrier " + r.target + ", which is not declared");
                    }
                    b.sync();
                }
                case PAUSE -> scheduler.blockUntil(() -> released.contains(r.target),
                        "debug.release " + r.target);
            }
            scheduler.where(p.name());
        }
    }

    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
