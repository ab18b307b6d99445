package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vclab.sched.OpKind;

/**
 * Renders a failing run as a short story. It starts with what failed. Then come the steps in
 * the order they ran, each stretch of one thread on one line, with the model's trace events
 * under the stretch that caused them and a marked line where the schedule left the default
 * policy. Stretches before the first deviation and after the failure are summed up.
 */
final class Story {
    private static final int MAX_ITEMS = 8;
    private static final int CONTEXT_BEFORE = 1;
    /**
     * The maximum number of stretches listed one per line: the first {@link #HEAD_BLOCKS} and the last
     * ones before the failure. The rest is summed up, so that a run of a million steps (a
     * livelock) gives a story that can be read.
     */
    private static final int MAX_BLOCKS = 200;
    private static final int HEAD_BLOCKS = 50;

    /** A maximal stretch of consecutive steps by one thread. */
    private record Block(String thread, int first, int last) {
    }

    private Story() {
    }

    static String render(Found found, StoryRecorder run) {
        Schedule s = found.schedule();
        Failure f = found.failure();
        StringBuilder sb = new StringBuilder();
        sb.append(s.scenario()).append(": ").append(f.kind().label()).append(" after ")
                .append(plural(s.preemptions(), "preemption")).append(", ")
                .append(plural(s.entries().size(), "deviation")).append(", ")
                .append(plural(s.steps(), "step")).append(" (").append(s.strategy())
                .append(")\n");
        for (String line : f.details()) {
            sb.append("  ").append(line.replace("\n", "\n  ")).append('\n');
        }
        List<Block> blocks = blocks(run.steps());
        int firstDeviation = firstDeviationBlock(blocks, run.steps(), s);
        int failure = failureBlock(blocks, run);
        int from = Math.max(0, (firstDeviation < 0 ? failure : firstDeviation) - CONTEXT_BEFORE);
        int to = failure < 0 ? blocks.size() - 1 : failure;
        sb.append("\nHow it ran (virtual time, thread, its steps; >> marks a deviation from the"
                + " default policy):\n");
        if (from > 0) {
            summarise(sb, blocks.subList(0, from), run, "before the first deviation");
        }
        if (to - from + 1 > MAX_BLOCKS) {
            int tailFrom = to + 1 - (MAX_BLOCKS - HEAD_BLOCKS);
            listBlocks(sb, blocks, from, from + HEAD_BLOCKS - 1, run, s);
            summarise(sb, blocks.subList(from + HEAD_BLOCKS, tailFrom), run, "left out");
            listBlocks(sb, blocks, tailFrom, to, run, s);
        } else {
            listBlocks(sb, blocks, from, to, run, s);
        }
        if (to + 1 < blocks.size()) {
            summarise(sb, blocks.subList(to + 1, blocks.size()), run, "until the end");
        }
        return sb.toString();
    }

    private static void listBlocks(StringBuilder sb, List<Block> blocks, int from, int to,
            StoryRecorder run, Schedule s) {
        for (int b = from; b <= to && b < blocks.size(); b++) {
            deviationLine(sb, blocks.get(b), run.steps(), s);
            blockLines(sb, blocks.get(b), run);
        }
    }

    private static List<Block> blocks(List<StoryRecorder.StepRecord> steps) {
        List<Block> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= steps.size(); i++) {
            if (i == steps.size() || !steps.get(i).thread().equals(steps.get(start).thread())
                    || steps.get(i).kind() == OpKind.START) {
                if (i > start) {
                    out.add(new Block(steps.get(start).thread(), start, i - 1));
                }
                start = i;
            }
        }
        return out;
    }

    /** Returns the entry of the schedule that made the block start, or null. */
    private static Schedule.Entry deviationAt(Block b, List<StoryRecorder.StepRecord> steps,
            Schedule s) {
        StoryRecorder.StepRecord first = steps.get(b.first());
        for (Schedule.Entry e : s.entries()) {
            if (e.step() == first.index() && e.thread().equals(first.thread())) {
                return e;
            }
        }
        return null;
    }

    private static int firstDeviationBlock(List<Block> blocks,
            List<StoryRecorder.StepRecord> steps, Schedule s) {
        for (int b = 0; b < blocks.size(); b++) {
            if (deviationAt(blocks.get(b), steps, s) != null) {
                return b;
            }
        }
        return -1;
    }

    /** Returns the block in which the first invariant violation or panic was traced, or -1. */
    private static int failureBlock(List<Block> blocks, StoryRecorder run) {
        for (StoryRecorder.EventRecord e : run.events()) {
            String kind = e.event().kind();
            if (kind.equals("invariant") || kind.equals("panic")) {
                int record = Math.max(0, e.afterRecords() - 1);
                for (int b = 0; b < blocks.size(); b++) {
                    if (record <= blocks.get(b).last()) {
                        return b;
                    }
                }
            }
        }
        return -1;
    }

    private static void deviationLine(StringBuilder sb, Block b,
            List<StoryRecorder.StepRecord> steps, Schedule s) {
        Schedule.Entry e = deviationAt(b, steps, s);
        if (e != null) {
            sb.append("  >> step ").append(e.step()).append(": run ").append(e.thread());
            if (e.note() != null) {
                sb.append(", which ").append(e.note());
            }
            sb.append('\n');
        }
    }

    private static void blockLines(StringBuilder sb, Block b, StoryRecorder run) {
        List<StoryRecorder.StepRecord> steps = run.steps();
        StoryRecorder.StepRecord first = steps.get(b.first());
        StoryRecorder.StepRecord last = steps.get(b.last());
        sb.append(String.format(Locale.ROOT, "  %10.6f %-18s steps %d-%d: ",
                first.nanos() / 1e9, b.thread(), first.index(), last.index()));
        List<String> items = new ArrayList<>();
        for (int i = b.first(); i <= b.last(); i++) {
            StoryRecorder.StepRecord r = steps.get(i);
            if (r.kind() == OpKind.POINT || r.kind() == OpKind.START || r.kind().canBlock()) {
                items.add(r.describe());
            }
        }
        sb.append(join(items)).append('\n');
        for (StoryRecorder.EventRecord e : run.events()) {
            int record = e.afterRecords() - 1;
            if (record >= b.first() && record <= b.last()) {
                sb.append("             ").append(describe(e)).append('\n');
            }
        }
    }

    private static void summarise(StringBuilder sb, List<Block> blocks, StoryRecorder run,
            String when) {
        List<String> threads = new ArrayList<>();
        int count = 0;
        for (Block b : blocks) {
            if (!threads.contains(b.thread())) {
                threads.add(b.thread());
            }
            count += b.last() - b.first() + 1;
        }
        StoryRecorder.StepRecord first = run.steps().get(blocks.get(0).first());
        StoryRecorder.StepRecord last = run.steps().get(blocks.get(blocks.size() - 1).last());
        sb.append("  steps ").append(first.index()).append('-').append(last.index())
                .append(", ").append(when).append(": ").append(plural(count, "step"))
                .append(" by ").append(String.join(", ", threads)).append('\n');
    }

    private static String describe(StoryRecorder.EventRecord e) {
        var ev = e.event();
        if (ev.kind().equals("invariant")) {
            return "INVARIANT VIOLATED: " + ev.detail();
        }
        if (ev.kind().equals("panic")) {
            return "PANIC: " + ev.detail();
        }
        StringBuilder sb = new StringBuilder(ev.kind());
        for (String part : new String[] {ev.vcl(), ev.target(), ev.event()}) {
            if (part != null) {
                sb.append(' ').append(part);
            }
        }
        if (ev.detail() != null) {
            sb.append(" (").append(ev.detail()).append(')');
        }
        return sb.toString();
    }

    /** Joins the items, with repeats folded ("x (10 times)") and the middle cut when long. */
    private static String join(List<String> all) {
        if (all.isEmpty()) {
            return "(no injection point)";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < all.size();) {
            int j = i;
            while (j < all.size() && all.get(j).equals(all.get(i))) {
                j++;
            }
            items.add(j - i == 1 ? all.get(i) : all.get(i) + " (" + (j - i) + " times)");
            i = j;
        }
        if (items.size() <= MAX_ITEMS) {
            return String.join(", ", items);
        }
        List<String> head = items.subList(0, MAX_ITEMS / 2);
        List<String> tail = items.subList(items.size() - MAX_ITEMS / 2, items.size());
        return String.join(", ", head) + ", ... " + (items.size() - MAX_ITEMS) + " more ..., "
                + String.join(", ", tail);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
